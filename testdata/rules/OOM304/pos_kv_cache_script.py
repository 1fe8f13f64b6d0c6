import torch
from transformers import AutoModelForCausalLM, AutoTokenizer

tokenizer = AutoTokenizer.from_pretrained("gpt2")
model = AutoModelForCausalLM.from_pretrained("gpt2").to("cuda")

input_ids = tokenizer("Hello", return_tensors="pt").input_ids.to("cuda")
past_key_values = None
tokens = []
for _ in range(200):
    # error: OOM304 "takes back `past_key_values`"
    out = model(input_ids, past_key_values=past_key_values, use_cache=True)
    past_key_values = out.past_key_values
    input_ids = out.logits[:, -1:].argmax(-1)
    tokens.append(input_ids.item())
print(tokenizer.decode(tokens))
