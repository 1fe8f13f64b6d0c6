# oomlint-config: gpu-memory = "16GiB"
import torch as T
from transformers import pipeline

# error: OOM404 "over the budget of 16.00 GiB (gpu-memory = "
generator = pipeline("text-generation", model="mistralai/Mistral-7B-v0.1", device=0, torch_dtype=T.bfloat16)
print(generator("The capital of France is")[0]["generated_text"])
