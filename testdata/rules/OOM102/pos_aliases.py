import torch as th
import torch.nn.functional as nnf
from torch.optim import Adam as TorchAdam
th.cuda.set_device(0)

model = build_model()
opt = TorchAdam(model.parameters())
total_mse = 0

for step, (x, y) in enumerate(loader):
    opt.zero_grad()
    mse = nnf.mse_loss(model(x), y)
    mse.backward()
    opt.step()
    # error: OOM102 "add `mse.item()` instead"
    total_mse += mse

print(total_mse / (step + 1))
