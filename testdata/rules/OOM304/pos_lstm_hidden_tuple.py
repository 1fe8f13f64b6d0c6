import torch


def generate_melody(model, seed, n, device="cuda"):
    model = model.to(device)
    x = seed.to(device)
    h, c = model.init_state(1)
    notes = []
    for _ in range(n):
        # error: OOM304 "takes back `h`"
        y, (h, c) = model(x, (h, c))
        x = torch.distributions.Categorical(logits=y[:, -1]).sample().unsqueeze(0)
        notes.append(int(x))
    return notes
