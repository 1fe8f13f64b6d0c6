import torch


@torch.inference_mode()
def generate(model, ids, n):
    model.to("cuda")
    past = None
    for _ in range(n):
        out = model(ids.to("cuda"), past_key_values=past)
        past = out.past_key_values
        ids = out.logits[:, -1:].argmax(-1)
    return ids
