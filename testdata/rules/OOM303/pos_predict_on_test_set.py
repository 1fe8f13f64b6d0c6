from transformers import GPT2LMHeadModel, Trainer

model = GPT2LMHeadModel.from_pretrained("gpt2")
# error: OOM303 "GPT2LMHeadModel"
trainer = Trainer(model=model, compute_metrics=compute_metrics)
predictions = trainer.predict(test_dataset)
