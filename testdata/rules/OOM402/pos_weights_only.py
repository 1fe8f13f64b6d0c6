import torch

# error: OOM402
sd = torch.load(args.ckpt, weights_only=True)
model.load_state_dict(sd["model"])
optimizer.load_state_dict(sd.get("optimizer_state"))
