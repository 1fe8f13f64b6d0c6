"""LoRA on Mistral 7B in bfloat16 with gradient checkpointing."""
import torch
from peft import LoraConfig, get_peft_model
from transformers import AutoModelForCausalLM, Trainer, TrainingArguments

model = AutoModelForCausalLM.from_pretrained("mistralai/Mistral-7B-v0.1", torch_dtype=torch.bfloat16)
config = LoraConfig(r=8, target_modules=["q_proj", "v_proj"])
model = get_peft_model(model, config)

training_args = TrainingArguments(
    output_dir="mistral-lora",
    per_device_train_batch_size=2,
    gradient_checkpointing=True,
    bf16=True,
)
Trainer(model=model, args=training_args, train_dataset=None).train()
