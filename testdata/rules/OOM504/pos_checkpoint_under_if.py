import torch
from diffusers import DiffusionPipeline


def train(unet, loader, optimizer, args):
    for step, batch in enumerate(loader):
        loss = unet(batch).sample.mean()
        loss.backward()
        optimizer.step()
        optimizer.zero_grad()
        # error: OOM504
        torch.cuda.empty_cache()
        if step % args.save_steps == 0:
            pipeline = DiffusionPipeline.from_pretrained(args.model, unet=unet)
            pipeline.save_pretrained(args.output_dir)
