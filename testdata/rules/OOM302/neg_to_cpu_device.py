import torch


@torch.no_grad()
def predict(model, loader):
    cpu = torch.device("cpu")
    model.to("cuda").eval()
    preds = []
    for x in loader:
        preds.append(model(x.to("cuda")).to(cpu))
        preds.append(model(x.to("cuda")).to("cpu", non_blocking=True))
    return preds
