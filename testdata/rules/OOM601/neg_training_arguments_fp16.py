import torch
from transformers import AutoModelForSequenceClassification, Trainer, TrainingArguments

device = "cuda" if torch.cuda.is_available() else "cpu"
model = AutoModelForSequenceClassification.from_pretrained("FacebookAI/roberta-large", num_labels=2)
args = TrainingArguments(output_dir="out", per_device_train_batch_size=16, fp16=True)
Trainer(model=model, args=args, train_dataset=train_ds).train()
