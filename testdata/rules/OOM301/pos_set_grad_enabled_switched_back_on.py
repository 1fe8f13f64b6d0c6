# The session switch is turned back on before the evaluation: the forward records again.
import torch
from transformers import AutoModelForCausalLM, AutoTokenizer

_ = torch.set_grad_enabled(False)
tokenizer = AutoTokenizer.from_pretrained("gpt2-large")
model = AutoModelForCausalLM.from_pretrained("gpt2-large", torch_dtype=torch.float16).to("cuda")
_ = torch.set_grad_enabled(True)
model.eval()
prompt_ids = [tokenizer.encode(p, return_tensors="pt").to("cuda") for p in ["The capital of Germany is"]]
# error: OOM301
logits = [model(ids).logits.cpu() for ids in prompt_ids]
