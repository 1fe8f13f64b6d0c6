from dataclasses import dataclass, field
from typing import List


@dataclass(frozen=True)
class OptimConfig:
    name: str = "adamw"
    lr: float = 3e-4
    betas: tuple = (0.9, 0.999)
    eps: float = 1e-8


@dataclass
class TrainConfig:
    optim: OptimConfig = field(default_factory=OptimConfig)
    layers: List[int] = field(default_factory=lambda: [64, 128, 256])
    seed: int = 0
    grad_clip: float | None = 1.0

    def __post_init__(self):
        if self.seed < 0:
            raise ValueError(f"seed must be >= 0, got {self.seed}")
