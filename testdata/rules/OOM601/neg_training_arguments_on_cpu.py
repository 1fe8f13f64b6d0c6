from transformers import AutoModelForSequenceClassification, Trainer, TrainingArguments

model = AutoModelForSequenceClassification.from_pretrained("bigcode/starcoder", num_labels=1)
# the trainer runs on the CPU: no GPU memory to halve
args = TrainingArguments(output_dir="out", per_device_train_batch_size=1, no_cuda=True)
trainer = Trainer(model=model.to("cuda"), args=args, train_dataset=train_ds)
trainer.train()
