from transformers import AutoModelForSequenceClassification, Trainer, TrainingArguments

# a classifier's logits are samples x labels: a few kilobytes for the whole evaluation set
model = AutoModelForSequenceClassification.from_pretrained("bert-base-cased", num_labels=5)
args = TrainingArguments(output_dir="cls", eval_strategy="epoch")
trainer = Trainer(model=model, args=args, train_dataset=train, eval_dataset=valid, compute_metrics=compute_metrics)
trainer.train()
