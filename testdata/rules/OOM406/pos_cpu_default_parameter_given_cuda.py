import torch


def get_encoder(path, device="cpu"):
    # a call below passes the GPU: the whole checkpoint lands there
    # error: OOM406 "model"
    checkpoint = torch.load(path, map_location=torch.device(device))
    encoder = Encoder().to(device)
    encoder.load_state_dict(checkpoint["model"])
    return encoder


encoder = get_encoder("encoder.pt", device="cuda")
