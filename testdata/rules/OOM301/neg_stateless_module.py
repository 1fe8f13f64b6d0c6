import numpy as np
import torch

model = build().to("cuda")


def multi_label_metrics(predictions, labels, threshold=0.5):
    # a parameterless torch.nn module applied to NumPy predictions: a function, not a forward pass
    sigmoid = torch.nn.Sigmoid()
    probs = sigmoid(torch.Tensor(predictions))
    pool = torch.nn.AdaptiveAvgPool2d(1)
    for batch in batches:
        pooled = pool(batch)
    return probs
