import torch


def predict_with_saliency(model, image, target_class):
    model.eval()
    image.requires_grad = True
    scores = model(image)
    scores[0, target_class].backward()
    return scores.detach(), image.grad.abs().max(dim=1)[0]


def integrated_gradients(model, baseline, image, steps=50):
    total = torch.zeros_like(image)
    for alpha in torch.linspace(0, 1, steps):
        point = (baseline + alpha * (image - baseline)).requires_grad_()
        out = model(point).max()
        total += torch.autograd.grad(out, point)[0]
    return total
