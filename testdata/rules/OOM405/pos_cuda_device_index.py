import torch
from transformers import LlamaForCausalLM

model = LlamaForCausalLM.from_pretrained("meta-llama/Llama-2-7b-hf").to(0)
baseline = perplexity(model)
# error: OOM405
model = LlamaForCausalLM.from_pretrained("meta-llama/Llama-2-7b-chat-hf").to(0)
