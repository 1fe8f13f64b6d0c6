import timm
import torch

model = timm.create_model("vit_huge_patch14_224", pretrained=True).cuda().eval()
acc_a = validate(model)
# error: OOM405
model = timm.create_model("vit_giant_patch14_224", pretrained=True).cuda().eval()
acc_b = validate(model)
