import torch

scaler = torch.amp.GradScaler("cuda")
with torch.amp.autocast("cuda", dtype=torch.bfloat16):
    y = model(x)
with torch.autocast(device_type="cuda"):
    y = model(x)
