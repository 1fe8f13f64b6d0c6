import torch.nn as nn


class Block(nn.Module):
    def __init__(self, dim):
        super().__init__()
        self.fc = nn.Linear(dim, dim)


class Tower(nn.Module):
    def __init__(self, depth, dim):
        super().__init__()
        self.blocks = nn.ModuleList()
        for _ in range(depth):
            block = Block(dim)
            self.blocks.append(block)


for dim in [64, 128]:
    tower = Tower(4, dim)
    print(sum(p.numel() for p in tower.fc.parameters()) if hasattr(tower, "fc") else dim)
