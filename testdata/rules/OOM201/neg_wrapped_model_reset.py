import torch
from torch.nn.parallel import DistributedDataParallel as DDP


def train(net, loader, criterion, device, rank):
    model = net.to(device)
    ddp = DDP(model, device_ids=[rank])
    optimizer = torch.optim.SGD(ddp.parameters(), lr=0.1)
    params = [p for p in net.parameters() if p.requires_grad]
    head_optimizer = torch.optim.Adam(params)
    for x, y in loader:
        net.zero_grad()
        criterion(ddp(x), y).backward()
        optimizer.step()
        head_optimizer.step()
