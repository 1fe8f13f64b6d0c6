import torch


def restore(torch, path):
    # `torch` here is a parameter, not the module
    return torch.load(path)


class Store:
    def load(self, path):
        return path


torch_store = Store()
torch_store.load("x.pt")
