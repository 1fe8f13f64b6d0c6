import torch
from transformers import AutoModelForMaskedLM

model = AutoModelForMaskedLM.from_pretrained("answerdotai/ModernBERT-large")
model.cuda()
optimizer = torch.optim.AdamW(model.parameters())
step = 0
it = iter(loader)
# error: OOM601
while step < 10000:
    batch = next(it)
    out = model(input_ids=batch["input_ids"].cuda(), labels=batch["labels"].cuda())
    out.loss.backward()
    optimizer.step()
    optimizer.zero_grad()
    step += 1
