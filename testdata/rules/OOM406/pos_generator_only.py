import torch

device = torch.device("cuda:0")
netG = Generator().to(device)
# error: OOM406 "netG"
checkpoint = torch.load(opt.netG, map_location=device)
netG.load_state_dict(checkpoint["netG"])
netG.eval()
