import torch
from transformers import AutoModelForCausalLM

model = AutoModelForCausalLM.from_pretrained("gpt2", device_map="auto")


def generate_until_eos(prompt_ids, eos_id):
    ids = prompt_ids.to(model.device)
    cache = None
    out_ids = []
    while True:
        # error: OOM304 "takes back `cache`"
        out = model(ids, past_key_values=cache)
        cache = out.past_key_values
        ids = out.logits[:, -1:].argmax(-1)
        if ids.item() == eos_id:
            break
        out_ids.append(ids.item())
    return out_ids
