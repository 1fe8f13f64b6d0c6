import torch


@torch.no_grad()
def predict(model, loader, device):
    model.eval()
    all_logits = []
    for batch in loader:
        logits = model(batch["input_ids"].to(device)).logits
        # error: OOM302 "all_logits"
        all_logits.append(logits)
    return torch.cat(all_logits)
