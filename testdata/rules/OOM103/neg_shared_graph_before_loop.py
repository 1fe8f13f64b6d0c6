import torch


def per_head_backward(model, heads, x, y, criterion):
    features = model(x)
    for head in heads:
        loss = criterion(head(features), y)
        loss.backward(retain_graph=True)
