import torch


def is_scaler(obj):
    return isinstance(obj, torch.cuda.amp.GradScaler)


AMP_CLASSES = (torch.cuda.amp.autocast, torch.cuda.amp.GradScaler)
