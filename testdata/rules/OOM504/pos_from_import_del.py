from torch.cuda import empty_cache
import torch.nn.functional as F


def fit(net, batches, opt):
    for images, labels in batches:
        opt.zero_grad()
        out = net(images)
        loss = F.cross_entropy(out, labels)
        loss.backward()
        opt.step()
        del out, loss
        # error: OOM504
        empty_cache()
