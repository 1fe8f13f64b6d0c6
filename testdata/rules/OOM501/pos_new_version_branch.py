import torch
from packaging import version

is_torch_greater_or_equal_than_1_10 = version.parse(torch.__version__) >= version.parse("1.10")


def autocast_context(dtype):
    if is_torch_greater_or_equal_than_1_10:
        # the branch for new versions still uses the deprecated API: it warns on every torch >= 2.4
        # error: OOM501 "deprecated"
        return torch.cuda.amp.autocast(dtype=dtype)
    else:
        return torch.cuda.amp.autocast()


def scaler():
    if version.parse(torch.__version__) >= version.parse("2.0"):
        # error: OOM501 "deprecated"
        return torch.cuda.amp.GradScaler()
    raise RuntimeError("too old")
