# A CPU-only tutorial: retain_graph keeps host memory of a tiny graph, no GPU memory.
import torch

w = torch.randn(3, requires_grad=True)
opt = torch.optim.SGD([w], lr=0.01)
for i in range(10):
    opt.zero_grad()
    loss = (w * torch.randn(3)).sum()
    loss.backward(retain_graph=True)
    opt.step()
