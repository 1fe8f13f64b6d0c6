import torch


def make_scaler(device, new_torch, **kwargs):
    scaler = torch.amp.GradScaler(device=device) if new_torch else torch.cuda.amp.GradScaler()
    if is_torch_version(">=", "2.3"):
        return torch.amp.GradScaler("cuda", **kwargs)
    else:
        return torch.cuda.amp.GradScaler(**kwargs)


class NativeScaler:
    def __init__(self, device="cuda"):
        try:
            self._scaler = torch.amp.GradScaler(device=device)
        except (AttributeError, TypeError):
            self._scaler = torch.cuda.amp.GradScaler()
