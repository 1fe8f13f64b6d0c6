# Checkpoints published already quantized: the quantization comes from their config, and transformers
# loads what is not quantized in float16.
import torch
from transformers import AutoModelForCausalLM


class Config:
    BASE_MODEL = "TheBloke/Phind-CodeLlama-34B-v2-GPTQ"


model = AutoModelForCausalLM.from_pretrained(Config.BASE_MODEL, device_map="auto")
awq = AutoModelForCausalLM.from_pretrained("TheBloke/Llama-2-70B-AWQ").to("cuda")
bnb = AutoModelForCausalLM.from_pretrained("unsloth/llama-3-8b-bnb-4bit", device_map="cuda")
