import math
from torch.optim.lr_scheduler import LambdaLR


def warmup_cosine(optimizer, warmup: int, total: int, min_ratio: float = 0.1):
    def lr_lambda(step):
        if step < warmup:
            return float(step) / float(max(1, warmup))
        progress = (step - warmup) / max(1, total - warmup)
        return max(min_ratio, 0.5 * (1.0 + math.cos(math.pi * progress)))

    return LambdaLR(optimizer, lr_lambda, last_epoch=-1)
