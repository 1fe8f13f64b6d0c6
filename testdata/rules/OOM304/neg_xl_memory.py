import torch


class Sampler:
    def __init__(self, model, device):
        self.model = model.to(device)
        self.device = device

    def merge_memory(self, old, new):
        return [torch.cat((m, x), dim=0) for m, x in zip(old, new)] if old else new

    def sample(self, data, steps):
        mem = []
        for _ in range(steps):
            output, new_mem = self.model(data.to(self.device), mem)
            data = output.argmax(dim=-1)[-1:]
            mem = self.merge_memory(mem, new_mem)
        return data
