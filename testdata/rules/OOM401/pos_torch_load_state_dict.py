import torch

model = build_model().cuda()
for ckpt in sorted(checkpoints):
    # error: OOM401
    state = torch.load(ckpt, map_location="cuda")
    model.load_state_dict(state["model"])
    print(ckpt, evaluate(model))
