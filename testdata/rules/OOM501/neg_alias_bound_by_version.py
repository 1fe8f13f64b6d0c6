from functools import partial

import torch
from packaging import version


def run_step(model, batch, scaler, use_amp):
    # the deprecated name is bound only for the releases before 2.4, which do not warn
    if version.parse(torch.__version__) >= version.parse("2.4"):
        auto_cast = partial(torch.amp.autocast, device_type="cuda")
    else:
        auto_cast = torch.cuda.amp.autocast
    with auto_cast(enabled=use_amp):
        loss = model(batch.cuda()).mean()
    scaler.scale(loss).backward()


for batch in loader:
    run_step(model, batch, scaler, True)
