import torch


def generate(model, idx, max_new_tokens, block_size):
    model.to("cuda")
    idx = idx.to("cuda")
    for _ in range(max_new_tokens):
        idx_cond = idx[:, -block_size:]
        logits = model(idx_cond)
        probs = torch.softmax(logits[:, -1, :], dim=-1)
        idx_next = torch.multinomial(probs, num_samples=1)
        idx = torch.cat((idx, idx_next), dim=1)
    return idx
