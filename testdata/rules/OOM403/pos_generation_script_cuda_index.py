import torch
from transformers import AutoModelForCausalLM, AutoTokenizer

tok = AutoTokenizer.from_pretrained(path)
# error: OOM403
lm = AutoModelForCausalLM.from_pretrained(path).to(torch.device("cuda", 1))
with torch.inference_mode():
    print(tok.decode(lm.generate(**tok(prompt, return_tensors="pt").to(lm.device))[0]))
