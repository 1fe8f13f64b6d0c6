import os

import torch

model = build().cuda()
optimizer = torch.optim.AdamW(model.parameters())
if os.path.exists("checkpoint.pth"):
    # resuming: the file is from an earlier (GPU) run, not this one, and it carries optimizer state
    # error: OOM402 "map_location"
    state = torch.load("checkpoint.pth")
    model.load_state_dict(state["model"])
    optimizer.load_state_dict(state["optimizer"])
for epoch in range(10):
    train(model)
    torch.save({"model": model.state_dict(), "optimizer": optimizer.state_dict()}, "checkpoint.pth")


class Trainer:
    def save_checkpoint(self):
        torch.save({"model": self.model.state_dict(), "optim": self.optimizer.state_dict()}, self.checkpoint_path)

    def resume(self):
        # a method of a library class reloading what another run saved from the GPU, optimizer included
        # error: OOM402 "map_location"
        ckpt = torch.load(self.checkpoint_path)
        self.model.load_state_dict(ckpt["model"])
        self.optimizer.load_state_dict(ckpt["optim"])
