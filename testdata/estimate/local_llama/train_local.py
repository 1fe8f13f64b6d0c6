"""Continue training a local TinyLlama checkpoint (sized from its config.json)."""
import torch
from transformers import AutoModelForCausalLM

model = AutoModelForCausalLM.from_pretrained("checkpoints/tinyllama", torch_dtype=torch.bfloat16)
optimizer = torch.optim.AdamW(model.parameters())
for batch in batches(batch_size=8, max_length=2048):
    model(**batch).loss.backward()
    optimizer.step()
    optimizer.zero_grad()
