import torch
from transformers import AutoModelForCausalLM

a = AutoModelForCausalLM.from_pretrained(name, torch_dtype=torch.bfloat16, device_map="auto")
b = AutoModelForCausalLM.from_pretrained(name, dtype="auto", device_map="auto")
c = AutoModelForCausalLM.from_pretrained(name, torch_dtype="auto").cuda()
