import torch
torch.cuda.set_device(0)
def train_one_epoch(task, loader, optimizer, loss_scaler=None):
    epoch_losses = []
    for input, target in loader:

        def _forward():
            result = task(input, target)
            return result["loss"], result

        def _backward(_loss):
            if loss_scaler is not None:
                loss_scaler(_loss, optimizer)
            else:
                _loss.backward()
                optimizer.step()
            optimizer.zero_grad()

        loss, result = _forward()
        _backward(loss)
        # error: OOM101 "`loss` is stored in `epoch_losses`"
        epoch_losses.append(loss)
    return epoch_losses
