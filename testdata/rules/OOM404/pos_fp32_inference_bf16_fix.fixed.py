# oomlint-config: gpu = "rtx4090"
# A 7B model loaded without torch_dtype: float32 weights (about 25 GiB) on a 24 GiB card.
import torch
from transformers import AutoModelForCausalLM, AutoTokenizer

tokenizer = AutoTokenizer.from_pretrained("meta-llama/Llama-2-7b-hf")
# error: OOM404 "cheapest change that fits: load in bfloat16"
model = AutoModelForCausalLM.from_pretrained("meta-llama/Llama-2-7b-hf", device_map="cuda", torch_dtype=torch.bfloat16)
inputs = tokenizer("Hello", return_tensors="pt").to("cuda")
print(tokenizer.decode(model.generate(**inputs, max_new_tokens=20)[0]))
