import torch.nn.functional as F
import torch
torch.cuda.set_device(0)


def train(model, loader, optimizer, epoch):
    model.train()
    total_loss = 0
    for batch_idx, (data, target) in enumerate(loader):
        optimizer.zero_grad()
        output = model(data)
        loss = F.nll_loss(output, target)
        loss.backward()
        optimizer.step()
        # error: OOM102 "add `loss.item()` instead"
        total_loss += loss.item()
    print(f"epoch {epoch}: average loss {total_loss / len(loader):.4f}")
