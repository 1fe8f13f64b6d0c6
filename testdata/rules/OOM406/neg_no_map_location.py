import torch

# no map_location at all is OOM402's finding, never this rule's
model = Net().cuda()
checkpoint = torch.load(args.resume)
model.load_state_dict(checkpoint["model"])
