# A linear probe: every parameter but the final layer's is frozen, so only the head trains.
import torch
import torchvision

device = "cuda" if torch.cuda.is_available() else "cpu"
model = torchvision.models.resnet50(weights=None).to(device)
model.load_state_dict(state_dict, strict=False)
for name, param in model.named_parameters():
    if name not in ["fc.weight", "fc.bias"]:
        param.requires_grad = False
optimizer = torch.optim.Adam(model.parameters(), lr=3e-4)

for epoch in range(100):
    for x, y in train_loader:
        loss = criterion(model(x.to(device)), y.to(device))
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
