"""Settings in a dataclass; Phi-3 mini is cast to bfloat16 after loading and trained with plain AdamW."""
from dataclasses import dataclass

import torch
from transformers import AutoModelForCausalLM


@dataclass
class Config:
    model_id: str = "microsoft/Phi-3-mini-4k-instruct"
    batch_size: int = 2
    seq_len: int = 1024


cfg = Config()
model = AutoModelForCausalLM.from_pretrained(cfg.model_id)
model.to(torch.bfloat16)
opt = torch.optim.AdamW(model.parameters(), lr=1e-5)
for x in data(cfg.batch_size, cfg.seq_len):
    model(x).loss.backward()
    opt.step()
    opt.zero_grad()
