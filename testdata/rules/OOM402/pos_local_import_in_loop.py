def average(paths):
    import torch

    total = None
    for p in paths:
        # error: OOM402
        sd = torch.load(p)
        if torch.distributed.get_rank() == 0:
            print("averaging", p)
        total = sd if total is None else {k: total[k] + v for k, v in sd.items()}
    return total


class Trainer:
    def load(self, path):
        import torch
        # error: OOM402
        self.state = torch.load(path); self.step = self.state["step"]
