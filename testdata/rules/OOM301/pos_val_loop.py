import torch
import torch.nn.functional as F


def report_metrics(model, val_loader, writer, step):
    losses = []
    for batch in val_loader:
        # error: OOM301 "in a loop over `val_loader`"
        out = model(batch["x"].cuda())
        losses.append(F.mse_loss(out, batch["y"]).item())
    writer.add_scalar("val/loss", sum(losses) / len(losses), step)


def train(model, loader, optimizer):
    for batch in loader:
        optimizer.zero_grad()
        F.mse_loss(model(batch["x"]), batch["y"]).backward()
        optimizer.step()
