def average(paths):
    import torch

    total = None
    for p in paths:
        sd = torch.load(p)  # error: [OOM402]
        total = sd if total is None else {k: total[k] + v for k, v in sd.items()}
    return total


class Trainer:
    def load(self, path):
        import torch
        self.state = torch.load(path); self.step = self.state["step"]  # error: [OOM402]
