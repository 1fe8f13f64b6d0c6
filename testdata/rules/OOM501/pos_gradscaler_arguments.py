import torch as T

# error: OOM501
scaler = T.cuda.amp.GradScaler(
    2.0**14,
    growth_interval=1000,
    enabled=use_amp,
)
# error: OOM501
legacy = T.cuda.amp.grad_scaler.GradScaler(**scaler_kwargs)
