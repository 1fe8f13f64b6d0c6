import torch


def validate(model, loader):
    model.eval()
    # error: OOM301 "in `validate`"
    return [model(x.cuda()) for x in loader]


def log_samples(model, test_loader, logger):
    for i, (x, _) in enumerate(test_loader):
        # error: OOM301 "in a loop over `test_loader`"
        logger.log_image(i, model(x.cuda()))


def train(model, loader, optimizer):
    for x, y in loader:
        optimizer.zero_grad()
        torch.nn.functional.mse_loss(model(x), y).backward()
        optimizer.step()
