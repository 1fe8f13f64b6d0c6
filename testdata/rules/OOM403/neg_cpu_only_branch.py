import torch
from transformers import LlamaForCausalLM

# the cuda and mps branches choose a dtype; the else branch runs only without a GPU
if torch.cuda.is_available():
    device = "cuda"
else:
    device = "cpu"


def load(base_model):
    if device == "cuda":
        model = LlamaForCausalLM.from_pretrained(base_model, torch_dtype=torch.float16, device_map="auto")
    elif device == "mps":
        model = LlamaForCausalLM.from_pretrained(base_model, device_map={"": device}, torch_dtype=torch.float16)
    else:
        model = LlamaForCausalLM.from_pretrained(base_model, device_map={"": device}, low_cpu_mem_usage=True)
    return model


if not torch.cuda.is_available():
    cpu_model = LlamaForCausalLM.from_pretrained("huggyllama/llama-7b", device_map="auto")
