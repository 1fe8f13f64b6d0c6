# A pipeline schedule's FIFO: each output is appended and the oldest one popped and backpropagated in
# the same iteration, so the queue holds a bounded number of in-flight micro-batches.
import torch


def one_f_one_b(model, batches, num_warmup, device):
    model.to(device)
    outputs = []
    for x in batches[:num_warmup]:
        outputs.append(model(x))
    for x in batches[num_warmup:]:
        out = model(x)
        outputs.append(out)
        oldest = outputs.pop(0)
        oldest.sum().backward()
