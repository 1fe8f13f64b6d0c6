import torch as T

scaler = T.amp.GradScaler(  # error: [OOM501]
    "cuda", 2.0**14,
    growth_interval=1000,
    enabled=use_amp,
)
legacy = T.amp.GradScaler("cuda", **scaler_kwargs)  # error: [OOM501]
