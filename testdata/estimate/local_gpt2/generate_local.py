"""Generate with a local DistilGPT-2 in float16."""
import torch
from transformers import GPT2LMHeadModel

model = GPT2LMHeadModel.from_pretrained("./distilgpt2").half().cuda().eval()
with torch.inference_mode():
    model.generate(input_ids, max_new_tokens=200, num_return_sequences=1)
