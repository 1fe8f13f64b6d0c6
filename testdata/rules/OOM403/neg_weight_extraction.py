import torch
from transformers import AutoModelForCausalLM

# loaded only to take part of its weights out: the saved file keeps the loaded dtype
model = AutoModelForCausalLM.from_pretrained("Qwen/Qwen-VL-Chat", device_map="cuda").eval()
state_dict = model.state_dict()
visual = {k: v for k, v in state_dict.items() if "visual" in k}
torch.save(visual, "visual/pytorch_model.bin")
