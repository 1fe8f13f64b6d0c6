from timm import utils
import torch
torch.cuda.set_device(0)


def train_one_epoch(model, loader, optimizer, loss_fn):
    losses_m = utils.AverageMeter()
    for input, target in loader:
        loss = loss_fn(model(input), target)
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
        # error: OOM101 "stored in `losses_m`"
        losses_m.update(loss, input.size(0))
    return losses_m.avg
