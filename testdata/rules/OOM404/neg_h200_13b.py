# oomlint-config: gpu = "h200"
from transformers import AutoModelForCausalLM

model = AutoModelForCausalLM.from_pretrained("meta-llama/Llama-2-13b-hf", device_map="cuda")
