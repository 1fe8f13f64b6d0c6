import torch

from fp16_util import zero_grad  # the project's own reset: sets every param.grad to None

model = Net().cuda()
params = list(model.parameters())
opt = torch.optim.AdamW(params, lr=1e-4)
for batch in loader:
    zero_grad(params)
    loss = model(batch.cuda()).mean()
    loss.backward()
    opt.step()
