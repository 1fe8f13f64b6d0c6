import torch
from transformers import AutoModelForSequenceClassification, Trainer, TrainingArguments

device = "cuda" if torch.cuda.is_available() else "cpu"
model = AutoModelForSequenceClassification.from_pretrained("FacebookAI/roberta-large", num_labels=2)

# error: OOM601 "`TrainingArguments(...)` sets neither `bf16=True` nor `fp16=True`"
args = TrainingArguments(
    output_dir="out",
    per_device_train_batch_size=16,
    num_train_epochs=3,
)
trainer = Trainer(model=model, args=args, train_dataset=train_ds)
trainer.train()
