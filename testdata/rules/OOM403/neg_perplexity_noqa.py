import torch
from transformers import GPT2LMHeadModel

# a deliberate float32 baseline, silenced
model = GPT2LMHeadModel.from_pretrained("openai-community/gpt2-large").to("cuda")  # noqa: OOM403
with torch.no_grad():
    nll = model(input_ids, labels=input_ids).loss
