import torch

device = "cuda"
netG, netD = Generator().to(device), Discriminator().to(device)
ckpt = torch.load(path, map_location=device)
netG.load_state_dict(ckpt["netG"])
netD.load_state_dict(ckpt["netD"])
