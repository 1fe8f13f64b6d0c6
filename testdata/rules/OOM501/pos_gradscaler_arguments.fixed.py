import torch as T

# error: OOM501
scaler = T.amp.GradScaler(
    "cuda", 2.0**14,
    growth_interval=1000,
    enabled=use_amp,
)
# error: OOM501
legacy = T.amp.GradScaler("cuda", **scaler_kwargs)
