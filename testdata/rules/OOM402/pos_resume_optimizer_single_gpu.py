# A single-GPU resume: the optimizer state (two tensors per parameter for Adam) comes back on the
# GPU it was saved from, beside the optimizer's own copy.
import torch

model = Net().cuda()
optimizer = torch.optim.Adam(model.parameters())
if args.resume:
    # error: OOM402 "optimizer state"
    ckpt = torch.load(args.resume)
    model.load_state_dict(ckpt["model_state_dict"])
    optimizer.load_state_dict(ckpt["optimizer_state_dict"])
    start_epoch = ckpt["epoch"]


def resume(path):
    # error: OOM402
    optimizer.load_state_dict(torch.load(path + "/optimizer.pt"))
