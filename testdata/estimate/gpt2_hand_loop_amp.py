"""Full fine-tune of GPT-2 with a hand-written loop, autocast and a GradScaler."""
import torch
from torch.utils.data import DataLoader
from transformers import GPT2LMHeadModel

BATCH_SIZE = 16
BLOCK_SIZE = 1024

model = GPT2LMHeadModel.from_pretrained("gpt2").cuda()
optimizer = torch.optim.AdamW(model.parameters(), lr=5e-5)
scaler = torch.cuda.amp.GradScaler()
loader = DataLoader(dataset, batch_size=BATCH_SIZE, shuffle=True)

for batch in loader:
    optimizer.zero_grad()
    with torch.autocast("cuda", dtype=torch.float16):
        loss = model(batch, labels=batch).loss
    scaler.scale(loss).backward()
    scaler.step(optimizer)
    scaler.update()
