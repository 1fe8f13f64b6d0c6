import torch
from transformers import ImageGPTForImageClassification

device = torch.device("cuda:0" if torch.cuda.is_available() else "cpu")
model = ImageGPTForImageClassification.from_pretrained("openai/imagegpt-small")
model.to(device)
model.eval()
for pixel_values in test_loader:
    # error: OOM301 "autograd recording"
    outputs = model(pixel_values.to(device))
