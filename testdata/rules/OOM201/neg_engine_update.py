import torch
from ignite.engine import Engine

model = Net().cuda()
optimizer = torch.optim.Adam(model.parameters())
criterion = torch.nn.CrossEntropyLoss()


def update_fn(engine, batch):
    model.train()
    optimizer.zero_grad()
    x, y = batch
    loss = criterion(model(x.cuda()), y.cuda())
    loss.backward()
    optimizer.step()
    return loss.item()


trainer = Engine(update_fn)
trainer.run(loader, max_epochs=5)
