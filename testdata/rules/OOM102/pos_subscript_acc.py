import torch
torch.cuda.set_device(0)


def train(model, rank, train_loader, optimizer):
    ddp_loss = torch.zeros(2).to(rank)
    for batch in train_loader:
        optimizer.zero_grad()
        output = model(input_ids=batch["source_ids"], labels=batch["target_ids"])
        loss = output["loss"]
        loss.backward()
        optimizer.step()
        # error: OOM102 "add `loss.detach()` instead"
        ddp_loss[0] += loss
        ddp_loss[1] += len(batch)
    return ddp_loss
