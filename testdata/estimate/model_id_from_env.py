"""The model id comes from an environment variable whose default is a catalogued model."""
import os

import torch
from transformers import AutoModelForCausalLM

MODEL = os.environ.get("MODEL_NAME", "meta-llama/Llama-3.2-3B-Instruct")
model = AutoModelForCausalLM.from_pretrained(MODEL, torch_dtype=torch.bfloat16, device_map="cuda")
