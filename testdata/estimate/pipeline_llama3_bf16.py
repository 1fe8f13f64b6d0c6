"""Text generation with a transformers pipeline."""
import torch
from transformers import pipeline

generator = pipeline("text-generation", model="meta-llama/Meta-Llama-3-8B-Instruct", torch_dtype=torch.bfloat16,
                     device_map="auto")
print(generator("Hello", max_new_tokens=64, batch_size=4))
