import torch
import torch.nn.functional as F


def gram(f):
    b, c, h, w = f.size()
    f = f.view(b, c, h * w)
    return f.bmm(f.transpose(1, 2)) / (c * h * w)


def step(transformer, vgg, optimizer, x, gram_style, style_weight):
    x = x.cuda()
    optimizer.zero_grad()
    y = transformer(x)
    features_y = vgg(y)
    features_x = vgg(x)
    content_loss = F.mse_loss(features_y[1], features_x[1])
    style_loss = 0.0
    for ft_y, gm_s in zip(features_y, gram_style):
        style_loss += F.mse_loss(gram(ft_y), gm_s)
    total = content_loss + style_weight * style_loss
    total.backward()
    optimizer.step()
