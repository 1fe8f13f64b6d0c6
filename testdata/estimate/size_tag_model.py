"""A fine-tune that is not in the catalogue, but whose id says its size."""
import torch
from transformers import AutoModelForCausalLM

model = AutoModelForCausalLM.from_pretrained("someone/awesome-chat-13B-v2", torch_dtype=torch.bfloat16)
model.generate(max_new_tokens=512)
