import torch

net = ResNet50().to("cuda:0")
# error: OOM406
net.load_state_dict(torch.load(path, map_location="cuda:0")["model_state_dict"])
