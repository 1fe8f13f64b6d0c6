import contextlib

import torch
from packaging import version

is_torch_greater_or_equal_than_1_10 = version.parse(torch.__version__) >= version.parse("1.10")


def autocast_context(use_cuda_amp, dtype):
    if use_cuda_amp:
        if is_torch_greater_or_equal_than_1_10:
            return make_autocast("cuda", dtype)
        else:
            # before 1.10 the old API is the only one there is
            return torch.cuda.amp.autocast()
    return contextlib.nullcontext()


def scaler_for_this_torch():
    if version.parse(torch.__version__) < version.parse("1.10"):
        return torch.cuda.amp.GradScaler()
    return make_scaler()


def scaler_expression():
    return make_scaler() if is_torch_greater_or_equal_than_1_10 else torch.cuda.amp.GradScaler()
