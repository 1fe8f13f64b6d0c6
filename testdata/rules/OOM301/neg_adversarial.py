import torch
import torch.nn.functional as F


def evaluate_adversarial(model, test_loader, epsilon):
    model.eval()
    correct = 0
    for data, target in test_loader:
        data.requires_grad_()
        output = model(data)
        loss = F.nll_loss(output, target)
        grad, = torch.autograd.grad(loss, data)
        perturbed = torch.clamp(data + epsilon * grad.sign(), 0, 1)
        correct += (model(perturbed).argmax(1) == target).sum().item()
    return correct
