import torch
from transformers import AutoModelForCausalLM, AutoTokenizer

model = AutoModelForCausalLM.from_pretrained("Qwen/Qwen2.5-7B", torch_dtype=torch.bfloat16, device_map="cuda")
tokenizer = AutoTokenizer.from_pretrained("Qwen/Qwen2.5-7B")
for prompt in prompts:
    inputs = {"input_ids": tokenizer(prompt, return_tensors="pt").input_ids.to(model.device)}
    # error: OOM301 "autograd"
    outputs = model(**inputs)
    print(outputs.logits[0, -1].argmax().item())
