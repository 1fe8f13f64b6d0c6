# Notebooks switch autograd off for the whole session and throw the returned object away
# (`_ = ...` hides its repr): every forward after it runs without recording.
import torch
from transformers import AutoModelForCausalLM, AutoTokenizer

_ = torch.set_grad_enabled(False)

tokenizer = AutoTokenizer.from_pretrained("gpt2-large")
model = AutoModelForCausalLM.from_pretrained("gpt2-large", torch_dtype=torch.float16).to("cuda")
model.eval()
prompts = ["The capital of Germany is", "My favorite"]
prompt_ids = [tokenizer.encode(p, return_tensors="pt").to("cuda") for p in prompts]
logits = [model(ids).logits.cpu() for ids in prompt_ids]
