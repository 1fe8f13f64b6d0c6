import os

import torch

model = build().cuda()
if os.path.exists("checkpoint.pth"):
    # resuming: the file is from an earlier (GPU) run, not this one
    # error: OOM402 "map_location"
    state = torch.load("checkpoint.pth")
    model.load_state_dict(state)
for epoch in range(10):
    train(model)
    torch.save(model.state_dict(), "checkpoint.pth")


class Trainer:
    def save_checkpoint(self):
        torch.save(self.model.state_dict(), self.checkpoint_path)

    def resume(self):
        # a method of a library class reloading what another run saved from the GPU
        # error: OOM402 "map_location"
        self.model.load_state_dict(torch.load(self.checkpoint_path))
