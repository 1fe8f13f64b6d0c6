import torch
from transformers import AutoModelForCausalLM
from trl import SFTConfig, SFTTrainer

model = AutoModelForCausalLM.from_pretrained("Qwen/Qwen2.5-0.5B", device_map="cuda")
config = SFTConfig(output_dir="out", per_device_train_batch_size=4)
SFTTrainer(model=model, args=config, train_dataset=ds).train()
