import torch

model = build().cuda()
optimizer = torch.optim.Adam(model.parameters())
history = {"loss": []}
for epoch in range(10):
    avg_loss = 0
    for batch, (x, y) in enumerate(loader):
        loss = criterion(model(x.cuda()), y.cuda())
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
        avg_loss += loss.item()
    loss = avg_loss / (batch + 1)
    # a tensor becomes a number; the other branch runs only for what has no .item()
    history["loss"].append(loss.item() if hasattr(loss, "item") else loss)
