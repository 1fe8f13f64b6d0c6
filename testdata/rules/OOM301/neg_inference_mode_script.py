import torch
import torchvision

model = torchvision.models.resnet18(weights="DEFAULT").eval()
with torch.inference_mode():
    for batch in torch.randn(4, 8, 3, 224, 224):
        print(model(batch).argmax(-1))
