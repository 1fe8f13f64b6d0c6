import torch


def sample_embeddings(model, z, steps):
    model.cuda()
    state = z.cuda()
    outs = []
    for _ in range(steps):
        with torch.autocast("cuda", dtype=torch.float16):
            # error: OOM304 "takes back `state`"
            state = model(state)
        outs.append(state.float().cpu())
    return outs
