import torch


@torch.no_grad()
def dump_outputs(model, loader, path):
    model.eval()
    rows = []
    for batch in loader:
        # error: OOM301 "after the model was switched to eval mode"
        probs = model(batch.cuda()).softmax(-1)
        rows.extend(probs.tolist())
    torch.save(rows, path)


def train(model, loader, optimizer):
    for batch in loader:
        optimizer.zero_grad()
        model(batch).sum().backward()
        optimizer.step()
