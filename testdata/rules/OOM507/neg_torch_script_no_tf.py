import torch

model = torch.nn.Linear(10, 10).cuda()
out = model(torch.randn(4, 10, device="cuda"))
