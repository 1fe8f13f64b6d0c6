import torch


@torch.no_grad()
def predict(model, loader, device):
    model.eval()
    for x in loader:
        batch_out = []
        batch_out.append(model(x.to(device)))
        print(torch.cat(batch_out).shape)
