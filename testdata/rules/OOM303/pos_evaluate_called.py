from transformers import AutoModelForMaskedLM, Trainer, TrainingArguments

model = AutoModelForMaskedLM.from_pretrained("bert-base-uncased").to("cuda")
args = TrainingArguments(output_dir="mlm")
# error: OOM303 "AutoModelForMaskedLM"
trainer = Trainer(model=model, args=args, train_dataset=train, eval_dataset=valid, compute_metrics=mlm_accuracy)
trainer.train()
print(trainer.evaluate())
