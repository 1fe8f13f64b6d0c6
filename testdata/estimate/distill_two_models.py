"""Distillation: a frozen float16 teacher and a student trained in full."""
import torch
from transformers import AutoModelForCausalLM

teacher = AutoModelForCausalLM.from_pretrained("Qwen/Qwen2.5-7B-Instruct", torch_dtype=torch.float16).eval()
student = AutoModelForCausalLM.from_pretrained("Qwen/Qwen2.5-0.5B", torch_dtype=torch.bfloat16)
optimizer = torch.optim.AdamW(student.parameters(), lr=1e-4)
for batch in loader(batch_size=8, max_length=1024):
    with torch.no_grad():
        t = teacher(**batch).logits
    loss = kl(student(**batch).logits, t)
    loss.backward()
    optimizer.step()
    optimizer.zero_grad()
