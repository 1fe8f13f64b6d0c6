import torch
from lightning.fabric.plugins import TorchCheckpointIO

io = TorchCheckpointIO()
ckpt = io.load_checkpoint("last.ckpt")
state = torch.load("last.ckpt", map_location=lambda s, _: s)
