import torch


def get_encoder(path, device="cpu"):
    # the device is the caller's choice and defaults to the CPU; no call here passes another
    checkpoint = torch.load(path, map_location=torch.device(device))
    encoder = Encoder(checkpoint["cfg"]).to(device)
    encoder.load_state_dict(checkpoint["model"])
    return encoder


if __name__ == "__main__":
    encoder = get_encoder("encoder.pt")
    print(encoder)
