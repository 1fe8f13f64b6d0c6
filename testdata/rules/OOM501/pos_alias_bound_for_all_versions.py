import torch

from utils import fast_path

# bound for every release, 2.4 and later included (an ordinary switch is no version guard)
if fast_path():
    auto_cast = torch.cuda.amp.autocast


def run_step(model, batch, scaler, use_amp):
    # error: OOM501
    with auto_cast(enabled=use_amp):
        loss = model(batch.cuda()).mean()
    scaler.scale(loss).backward()


for batch in loader:
    run_step(model, batch, scaler, True)
