# A dict entry overwritten each iteration under a constant key: the dict holds one loss, not one per
# iteration (the last graph is freed when the next iteration replaces it).
import torch


def train(model, loader, optimizer, device):
    logs = {}
    for x, y in loader:
        optimizer.zero_grad()
        loss = torch.nn.functional.mse_loss(model(x.to(device)), y.to(device))
        loss.backward()
        optimizer.step()
        logs["loss"] = loss
        logs[0] = loss
    return logs
