import torch

device = torch.device("cuda")
model = Model().to(device)
# error: OOM406
checkpoint = torch.load(ckpt_path, map_location=device)
state_dict = checkpoint["state_dict"]
state_dict = {k.replace("module.", ""): v for k, v in state_dict.items()}
model.load_state_dict(state_dict)
