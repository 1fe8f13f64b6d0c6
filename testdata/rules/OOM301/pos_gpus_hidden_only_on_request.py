# The GPUs are hidden only when asked for; otherwise the evaluation runs on one, with grad on.
import os
import sys

import torch
from transformers import AutoModelForCausalLM

if "--cpu" in sys.argv:
    os.environ["CUDA_VISIBLE_DEVICES"] = "-1"
elif "--gpu1" in sys.argv:
    os.environ["CUDA_VISIBLE_DEVICES"] = "1"

model = AutoModelForCausalLM.from_pretrained("meta-llama/Llama-2-7b-hf", torch_dtype=torch.float16).to("cuda")
model.eval()
scores = []
for batch in loader:
    # error: OOM301
    logits = model(batch["input_ids"].cuda()).logits
    scores.append(logits.float().mean().item())
