# Gradient accumulation: each micro-batch loss is backpropagated at once, and the running sums are
# reset at every optimizer step, so they hold at most one step's micro-batches.
import torch


def train(model, loader, optimizer, accumulation_steps, device):
    model.to(device)
    running_loss = 0
    running_metrics = {"accuracy": 0}
    for idx, batch in enumerate(loader):
        logits = model(batch["input"].to(device))
        current_loss = torch.nn.functional.cross_entropy(logits, batch["labels"].to(device))
        running_loss += current_loss
        running_metrics["accuracy"] += (logits.argmax(-1) == batch["labels"]).float().mean() * current_loss
        current_loss.backward()
        if (idx + 1) % accumulation_steps == 0:
            if optimizer is not None:
                optimizer.step()
                optimizer.zero_grad(set_to_none=True)
            print(running_loss.detach().item())
            running_loss = 0
            running_metrics = {key: 0 for key in running_metrics}
