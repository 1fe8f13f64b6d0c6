import torch

model.eval()
samples = []
with torch.no_grad():
    while len(samples) < n:
        x = model(torch.randn(8, 16, device="cuda"))
        samples.append(x)
