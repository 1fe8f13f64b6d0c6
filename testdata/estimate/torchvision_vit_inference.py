"""Classify images with torchvision's ViT-B/16."""
import torch
from torchvision.models import ViT_B_16_Weights, vit_b_16

model = vit_b_16(weights=ViT_B_16_Weights.IMAGENET1K_V1).eval().cuda()
with torch.no_grad():
    preds = model(images)
