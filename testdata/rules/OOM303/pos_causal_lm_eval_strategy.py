from transformers import AutoModelForCausalLM, Trainer, TrainingArguments

model = AutoModelForCausalLM.from_pretrained("microsoft/git-base")


def compute_metrics(eval_pred):
    logits, labels = eval_pred
    return {"acc": (logits.argmax(-1) == labels).mean()}


training_args = TrainingArguments(
    output_dir="out",
    eval_strategy="steps",
    eval_steps=50,
)
# error: OOM303 "keeps every batch's logits"
trainer = Trainer(
    model=model,
    args=training_args,
    train_dataset=train_ds,
    eval_dataset=test_ds,
    compute_metrics=compute_metrics,
)
trainer.train()
