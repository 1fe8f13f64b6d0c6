import torch
from transformers import AutoModelForCausalLM

model = AutoModelForCausalLM.from_pretrained("meta-llama/Llama-3.2-1B").to("cuda")
optimizer = torch.optim.AdamW(model.parameters(), lr=2e-5)

for batch in loader:
    with torch.autocast("cuda", dtype=torch.bfloat16):
        loss = model(**{k: v.to("cuda") for k, v in batch.items()}).loss
    loss.backward()
    optimizer.step()
    optimizer.zero_grad()
