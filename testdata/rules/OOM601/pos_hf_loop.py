import torch
from transformers import AutoModelForCausalLM

model = AutoModelForCausalLM.from_pretrained("meta-llama/Llama-3.2-1B").to("cuda")
optimizer = torch.optim.AdamW(model.parameters(), lr=2e-5)


def train(loader):
    model.train()
    # error: OOM601 "This GPU training loop runs in float32"
    for batch in loader:
        batch = {k: v.to("cuda") for k, v in batch.items()}
        loss = model(**batch).loss
        loss.backward()
        optimizer.step()
        optimizer.zero_grad()
