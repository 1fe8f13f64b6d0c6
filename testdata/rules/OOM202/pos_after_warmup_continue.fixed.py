import torch


def train(generator, loader, optimizer_G, criterion, warmup_batches):
    for i, (lr_imgs, hr_imgs) in enumerate(loader):
        optimizer_G.zero_grad()
        loss_pixel = criterion(generator(lr_imgs), hr_imgs)
        if i < warmup_batches:
            optimizer_G.zero_grad()
            loss_pixel.backward()
            optimizer_G.step()
            continue
        loss_G = loss_pixel * 0.01
        loss_G.backward()
        # error: OOM202
        optimizer_G.step()
