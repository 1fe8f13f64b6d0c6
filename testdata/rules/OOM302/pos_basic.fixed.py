import torch

model = torch.load("model.pt", map_location="cpu").cuda().eval()
outputs = []
with torch.no_grad():
    for x in test_loader:
        out = model(x.cuda())
        # error: OOM302 "out.cpu()"
        outputs.append(out.cpu())
