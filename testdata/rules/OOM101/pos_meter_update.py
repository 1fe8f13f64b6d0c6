import torch
import torch.nn.functional as F
torch.cuda.set_device(0)


class AverageMeter:
    """Computes and stores the average and current value."""

    def __init__(self):
        self.reset()

    def reset(self):
        self.val = 0
        self.sum = 0
        self.count = 0

    def update(self, val, n=1):
        self.val = val
        self.sum += val * n
        self.count += n


def train(model, loader, optimizer):
    losses = AverageMeter()
    for images, target in loader:
        output = model(images)
        loss = F.nll_loss(output, target)
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
        # error: OOM101 "stored in `losses`"
        losses.update(loss, images.size(0))
    return losses.sum / losses.count
