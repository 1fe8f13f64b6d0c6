from transformers import AutoModelForSemanticSegmentation, Trainer, TrainingArguments

model = AutoModelForSemanticSegmentation.from_pretrained("nvidia/mit-b0")
training_args = TrainingArguments(
    output_dir="segformer",
    eval_strategy="steps",
    eval_accumulation_steps=5,
)
trainer = Trainer(model=model, args=training_args, train_dataset=train_ds, eval_dataset=test_ds,
                  compute_metrics=compute_metrics)
trainer.train()
