import torch


def train(model, loader, optimizer, args):
    for step, batch in enumerate(loader):
        if args.mode == "mse":
            loss = model(batch).pow(2).mean()
        else:
            raise ValueError(args.mode)
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
        if step >= args.max_steps:
            break
        # error: OOM504
        torch.cuda.empty_cache()
