from transformers import AutoModelForCausalLM, Trainer, TrainingArguments

# the default evaluation strategy is "no", and the trainer is never asked to evaluate
model = AutoModelForCausalLM.from_pretrained("gpt2")
args = TrainingArguments(output_dir="clm", num_train_epochs=1)
trainer = Trainer(model=model, args=args, train_dataset=train, eval_dataset=valid, compute_metrics=compute_metrics)
trainer.train()
