# A conversion script hides every GPU before torch starts: CUDA sees no device, nothing lands on a GPU.
import os

os.environ["CUDA_VISIBLE_DEVICES"] = "-1"

import torch
from transformers import AutoModelForCausalLM

hf_model = AutoModelForCausalLM.from_pretrained("meta-llama/Llama-2-7b-hf").to("cuda" if torch.cuda.is_available() else "cpu")
hf_model.eval()
scores = []
for batch in loader:
    hf_logits = hf_model(batch["input_ids"].to(hf_model.device)).logits
    scores.append(hf_logits.float().mean().item())
