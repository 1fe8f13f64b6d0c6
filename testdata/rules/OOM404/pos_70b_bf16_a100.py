# oomlint-config: gpu = "a100-80gb"
import torch
from transformers import AutoModelForCausalLM

# error: OOM404 "the cheapest change that fits: load in 8-bit"
model = AutoModelForCausalLM.from_pretrained(
    "meta-llama/Llama-2-70b-hf",
    torch_dtype=torch.bfloat16,
)
model.to("cuda")
