# oomlint-config: gpu-memory = "512MiB"
import torch
from transformers import AutoModelForCausalLM

# error: OOM404 "no single change of the estimator's ladder fits"
model = AutoModelForCausalLM.from_pretrained("meta-llama/Llama-2-7b-hf", torch_dtype=torch.float16)
model.cuda()
