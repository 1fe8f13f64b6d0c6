import torch


def resume(path):
    # a file under tests/: test code
    model = build().cuda()
    model.load_state_dict(torch.load(path))
