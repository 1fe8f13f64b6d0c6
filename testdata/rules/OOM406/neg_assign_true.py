import torch

# assign=True makes the loaded tensors the model's parameters: their device is the model's device
with torch.device("meta"):
    model = Transformer(args)
ckpt = torch.load(path, map_location="cuda", mmap=True)
model.load_state_dict(ckpt["model"], assign=True)
