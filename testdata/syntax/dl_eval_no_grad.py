import torch


@torch.no_grad()
def evaluate(model, loader, device="cuda"):
    model.eval()
    correct = total = 0
    for x, y in loader:
        pred = model(x.to(device)).argmax(dim=1)
        correct += (pred == y.to(device)).sum().item()
        total += y.numel()
    return correct / total


@torch.inference_mode()
def predict(model, x):
    return model(x).softmax(-1).cpu().numpy()


def validate(model, data):
    with torch.no_grad():
        outputs = [model(batch) for batch in data]
    return torch.cat(outputs)
