from transformers import AutoModelForSemanticSegmentation, Trainer, TrainingArguments

model = AutoModelForSemanticSegmentation.from_pretrained("nvidia/mit-b0", id2label=id2label, label2id=label2id)
training_args = TrainingArguments(
    output_dir="segformer",
    eval_strategy="epoch",
    remove_unused_columns=False,
)
# error: OOM303 "AutoModelForSemanticSegmentation"
trainer = Trainer(model=model, args=training_args, train_dataset=train_ds, eval_dataset=test_ds,
                  compute_metrics=compute_metrics)
trainer.train()
