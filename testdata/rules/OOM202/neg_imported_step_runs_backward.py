import torch

from engine.pipeline import train_step_pipeline  # runs forward and backward over the micro-batches


def train_step(model, data_loader):
    loss = model(next(data_loader)).loss
    loss.backward()
    return loss.item()


model = build_model().to("cuda")
optimizer = torch.optim.AdamW(model.parameters(), lr=3e-4)
for step in range(max_steps):
    optimizer.zero_grad()
    if pipeline:
        loss = train_step_pipeline(model, data_loader)
    else:
        loss = train_step(model, data_loader)
    optimizer.step()
