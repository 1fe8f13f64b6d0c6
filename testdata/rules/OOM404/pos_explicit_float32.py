# oomlint-config: gpu = "rtx4090"
# float32 asked for explicitly: reported, but the edit is not offered (the keyword is there).
import torch
from transformers import AutoModelForCausalLM

# error: OOM404 "float32, inference"
model = AutoModelForCausalLM.from_pretrained("mistralai/Mistral-7B-v0.1", torch_dtype=torch.float32)
