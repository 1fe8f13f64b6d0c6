import torch
torch.cuda.set_device(0)


def train(model, loader, optimizer, criterion):
    running_loss = 0.0
    for inputs, labels in loader:
        optimizer.zero_grad()
        outputs = model(inputs)
        loss = criterion(outputs, labels)
        loss.backward()
        optimizer.step()
        # error: OOM102 "add `(loss * inputs.size(0)).item()` instead"
        running_loss += (loss * inputs.size(0)).item()
    epoch_loss = running_loss / len(loader.dataset)
    print(f"Loss: {epoch_loss:.4f}")
