import torch.nn.functional as F
import torch
torch.cuda.set_device(0)


def train(net, data_iter, opt, max_steps):
    step = 0
    while step < max_steps:
        x, y = next(data_iter)
        opt.zero_grad()
        loss = F.mse_loss(net(x), y)
        # error: OOM103
        loss.backward(
            retain_graph=True,
        )
        opt.step()
        step += 1
