from accelerate import Accelerator
from mylib.amp import autocast, GradScaler

accelerator = Accelerator(mixed_precision="fp16")
with accelerator.autocast():
    y = model(x)
with autocast():
    y = model(x)
scaler = GradScaler()
