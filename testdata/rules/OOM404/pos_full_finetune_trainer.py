# oomlint-config: gpu = "rtx4090"
# Full fine-tuning of a 7B model with AdamW: some 16 bytes per parameter before any activation.
from datasets import load_dataset
from transformers import AutoModelForCausalLM, Trainer, TrainingArguments

# error: OOM404 "full training with AdamW"
model = AutoModelForCausalLM.from_pretrained("meta-llama/Llama-2-7b-hf")
args = TrainingArguments(output_dir="out", per_device_train_batch_size=4, num_train_epochs=1)
trainer = Trainer(model=model, args=args, train_dataset=load_dataset("imdb")["train"])
trainer.train()
