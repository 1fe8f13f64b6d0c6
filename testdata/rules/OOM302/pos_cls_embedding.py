import torch


def collect(model, loader, device):
    model.eval()
    hidden = []
    with torch.no_grad():
        for step, batch in enumerate(loader):
            out = model(batch.to(device))
            # error: OOM302
            hidden.append(out.last_hidden_state[:, 0])
    return hidden
