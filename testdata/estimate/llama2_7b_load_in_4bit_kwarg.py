"""Llama 2 7B with the old load_in_4bit= keyword (fp4, no double quantization)."""
from transformers import AutoModelForCausalLM

model = AutoModelForCausalLM.from_pretrained("meta-llama/Llama-2-7b-hf", load_in_4bit=True, device_map="auto")
