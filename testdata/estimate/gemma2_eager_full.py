"""Gemma 2 2B trained in bfloat16 with eager attention (the s x s matrix is kept) and checkpointing."""
import torch
from transformers import AutoModelForCausalLM, Trainer, TrainingArguments

model = AutoModelForCausalLM.from_pretrained("google/gemma-2-2b", torch_dtype=torch.bfloat16,
                                             attn_implementation="eager")
args = TrainingArguments(output_dir="g", per_device_train_batch_size=4, gradient_checkpointing=True,
                         max_length=2048)
Trainer(model=model, args=args).train()
