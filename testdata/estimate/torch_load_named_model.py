"""A whole ResNet-50 saved with torch.save(model) and loaded back: the file name says what it is."""
import torch

model = torch.load("checkpoints/resnet50.pt", weights_only=False).cuda().eval()
state = torch.load("checkpoints/epoch_10.pt")  # a checkpoint of unknown content: not a load site
with torch.no_grad():
    model(images)
