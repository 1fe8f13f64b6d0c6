"""Llama 2 13B loaded in 8-bit with bitsandbytes."""
from transformers import AutoModelForCausalLM, BitsAndBytesConfig

quant = BitsAndBytesConfig(load_in_8bit=True)
model = AutoModelForCausalLM.from_pretrained("meta-llama/Llama-2-13b-hf", quantization_config=quant, device_map="auto")
print(model.generate(max_new_tokens=128))
