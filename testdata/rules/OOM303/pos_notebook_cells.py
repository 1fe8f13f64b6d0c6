# %%
from transformers import AutoModelForSeq2SeqLM, Seq2SeqTrainer, Seq2SeqTrainingArguments

model = AutoModelForSeq2SeqLM.from_pretrained("google/flan-t5-base")

# %%
training_args = Seq2SeqTrainingArguments(
    output_dir="flan-t5",
    eval_strategy="epoch",
    predict_with_generate=False,
)

# %%
# error: OOM303 "AutoModelForSeq2SeqLM"
trainer = Seq2SeqTrainer(
    model=model,
    args=training_args,
    train_dataset=tokenized["train"],
    eval_dataset=tokenized["validation"],
    compute_metrics=compute_metrics,
)
trainer.train()
