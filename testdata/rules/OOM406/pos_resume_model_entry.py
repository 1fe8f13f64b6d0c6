import torch

device = torch.device("cuda" if torch.cuda.is_available() else "cpu")
model = Net().to(device)
# error: OOM406 "entry is used"
checkpoint = torch.load(args.resume, map_location=device)
model.load_state_dict(checkpoint["model"])
