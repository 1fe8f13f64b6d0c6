from transformers import AutoModelForCausalLM, Trainer, TrainingArguments

# without compute_metrics the evaluation keeps only the loss
model = AutoModelForCausalLM.from_pretrained("gpt2")
args = TrainingArguments(output_dir="clm", eval_strategy="steps")
trainer = Trainer(model=model, args=args, train_dataset=train, eval_dataset=valid)
trainer.train()
