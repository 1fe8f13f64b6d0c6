import torch
import torch.nn as nn
from transformers import ImageGPTForImageClassification

# a notebook cell that evaluates a model built on the CPU, before a later cell sets the device
net = nn.Sequential(nn.Linear(3 * 32 * 32, 1000), nn.ReLU(), nn.Linear(1000, 10))
net.eval()
for i, (batch, targets) in enumerate(test_loader):
    output = net(batch)
    pred = output.max(1, keepdim=True)[1]

# a demo cell reloads a model and runs it where it was loaded, on the CPU
model = ImageGPTForImageClassification.from_pretrained("openai/imagegpt-small")
inputs = feature_extractor(images=image, return_tensors="pt")
for image in images:
    outputs = model(**inputs)

device = torch.device("cuda:0" if torch.cuda.is_available() else "cpu")
net = net.to(device)
model.to(device)
inputs = inputs.to(device)
