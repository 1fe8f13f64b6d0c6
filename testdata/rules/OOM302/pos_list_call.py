import torch

model = model.cuda().eval()
hidden = list()
with torch.no_grad():
    for tokens in batches:
        h = model(tokens.cuda()).last_hidden_state
        # error: OOM302
        hidden.append(h)
