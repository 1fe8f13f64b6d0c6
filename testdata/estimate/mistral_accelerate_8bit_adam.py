"""Full fine-tune of Mistral 7B with Accelerate mixed precision and bitsandbytes' 8-bit AdamW."""
import bitsandbytes as bnb
from accelerate import Accelerator
from transformers import AutoModelForCausalLM

accelerator = Accelerator(mixed_precision="bf16")
model = AutoModelForCausalLM.from_pretrained("mistralai/Mistral-7B-v0.1")
optimizer = bnb.optim.AdamW8bit(model.parameters(), lr=1e-5)
model, optimizer = accelerator.prepare(model, optimizer)
for batch in loader:
    loss = model(**batch).loss
    accelerator.backward(loss)
    optimizer.step()
    optimizer.zero_grad()
