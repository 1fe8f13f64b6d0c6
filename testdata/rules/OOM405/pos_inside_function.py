import torch
from transformers import AutoModelForCausalLM


def compare(base_id, tuned_id):
    model = AutoModelForCausalLM.from_pretrained(base_id, device_map="auto")
    base = score(model)
    # error: OOM405
    model = AutoModelForCausalLM.from_pretrained(tuned_id, device_map="auto")
    return base, score(model)
