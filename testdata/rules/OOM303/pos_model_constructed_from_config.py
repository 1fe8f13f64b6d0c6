from transformers import GPT2Config, GPT2LMHeadModel, Trainer, TrainingArguments

model = GPT2LMHeadModel(GPT2Config(n_layer=12))
args = TrainingArguments(output_dir="scratch", eval_strategy="steps", eval_steps=1000, fp16=True)
# error: OOM303 "GPT2LMHeadModel"
trainer = Trainer(model=model, args=args, train_dataset=lm_train, eval_dataset=lm_valid, compute_metrics=acc)
trainer.train()
