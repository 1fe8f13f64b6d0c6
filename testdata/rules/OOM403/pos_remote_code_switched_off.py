# trust_remote_code=False runs transformers' own class: float32 unless told.
import torch
from transformers import AutoModelForCausalLM

# error: OOM403 "AutoModelForCausalLM.from_pretrained"
model = AutoModelForCausalLM.from_pretrained("meta-llama/Llama-2-7b-hf", trust_remote_code=False).to("cuda")
with torch.no_grad():
    out = model.generate(torch.tensor([[1, 2, 3]], device="cuda"), max_new_tokens=20)
