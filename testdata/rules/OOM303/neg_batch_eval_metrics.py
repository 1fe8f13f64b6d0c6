from transformers import AutoModelForCausalLM, Trainer, TrainingArguments

# batch_eval_metrics computes the metrics batch by batch instead of keeping every batch's logits
model = AutoModelForCausalLM.from_pretrained("gpt2")
args = TrainingArguments(output_dir="clm", eval_strategy="steps", batch_eval_metrics=True)
trainer = Trainer(model=model, args=args, train_dataset=train, eval_dataset=valid, compute_metrics=compute_metrics)
trainer.train()
