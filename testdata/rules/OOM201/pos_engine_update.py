# An update function registered with a training engine runs once per iteration: it is a loop body.
import torch
from ignite.engine import Engine

model = Net().cuda()
optimizer = torch.optim.Adam(model.parameters())
criterion = torch.nn.CrossEntropyLoss()


def update_fn(engine, batch):
    model.train()
    x, y = batch
    loss = criterion(model(x.cuda()), y.cuda())
    loss.backward()
    # error: OOM201 "`update_fn` runs once per training iteration"
    optimizer.step()
    return loss.item()


trainer = Engine(update_fn)
trainer.run(loader, max_epochs=5)
