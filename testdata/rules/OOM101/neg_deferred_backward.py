import torch.nn.functional as F


def multiple_forwards_then_backwards(model, ddp_model, batches, accelerator, step_model):
    losses = []
    for inputs, targets in batches:
        step_model(model, inputs, targets)
        with accelerator.no_sync(ddp_model):
            output = ddp_model(inputs)
            loss = F.mse_loss(output, targets)
            losses.append(loss)
    for i in range(len(losses)):
        loss = losses[i]
        accelerator.backward(loss)
