from transformers import AutoModelForCausalLM, Trainer, TrainingArguments

model = AutoModelForCausalLM.from_pretrained("gpt2")
args = TrainingArguments(output_dir="clm", eval_strategy="no")
trainer = Trainer(model=model, args=args, train_dataset=train, compute_metrics=compute_metrics)
trainer.train()
