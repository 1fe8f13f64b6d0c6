import torch
import torch.nn.functional as F


def train(model, loader, optimizer, prediction_type):
    for batch in loader:
        optimizer.zero_grad()
        pred = model(batch["x"])
        if prediction_type == "epsilon":
            target = batch["noise"]
        else:
            raise ValueError(prediction_type)
        loss = F.mse_loss(pred, target)
        loss.backward()
        # error: OOM202
        optimizer.step()
