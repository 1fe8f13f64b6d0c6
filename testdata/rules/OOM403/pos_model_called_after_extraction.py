import torch
from transformers import AutoModelForCausalLM

# the weights are read, but the model also runs: inference
# error: OOM403
model = AutoModelForCausalLM.from_pretrained("Qwen/Qwen2-7B-Instruct", device_map="cuda")
n_params = sum(p.numel() for _, p in model.named_parameters())
out = model.generate(**inputs)
