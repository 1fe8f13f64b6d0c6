from transformers import AutoModelForTokenClassification, Trainer, TrainingArguments

model = AutoModelForTokenClassification.from_pretrained("distilbert-base-uncased", num_labels=9)
args = TrainingArguments(output_dir="ner", eval_strategy="epoch")
trainer = Trainer(model=model, args=args, train_dataset=train, eval_dataset=valid, compute_metrics=seqeval_metrics)
trainer.train()
