import torch as T

scaler = T.cuda.amp.GradScaler(  # error: [OOM501]
    2.0**14,
    growth_interval=1000,
    enabled=use_amp,
)
legacy = T.cuda.amp.grad_scaler.GradScaler(**scaler_kwargs)  # error: [OOM501]
