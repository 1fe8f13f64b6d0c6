import torch

device = torch.device("cuda")


def sample(model, start_idx, length):
    model.to(device)
    model.eval()
    x = torch.tensor([[start_idx]], device=device)
    hidden = model.init_hidden(1)
    chars = []
    for _ in range(length):
        # error: OOM304 "takes back `hidden`"
        logits, hidden = model(x, hidden)
        probs = torch.softmax(logits[0, -1], dim=-1)
        x = torch.multinomial(probs, 1).view(1, 1)
        chars.append(x.item())
    return chars
