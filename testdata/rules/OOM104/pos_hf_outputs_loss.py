import torch
from transformers import AutoModelForCausalLM

model = AutoModelForCausalLM.from_pretrained("gpt2").to("cuda")
optimizer = torch.optim.AdamW(model.parameters(), lr=5e-5)


def train(dataloader, grad_accum):
    batches = []
    for batch in dataloader:
        batches.append(batch)
        if len(batches) < grad_accum:
            continue
        total = 0
        for mb in batches:
            mb = {k: v.to("cuda") for k, v in mb.items()}
            outputs = model(**mb)
            # error: OOM104 "`total` adds up the loss of every pass"
            total = total + outputs.loss / grad_accum
        total.backward()
        optimizer.step()
        optimizer.zero_grad()
        batches = []
