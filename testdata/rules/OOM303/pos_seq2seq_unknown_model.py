from transformers import Seq2SeqTrainer, Seq2SeqTrainingArguments


def train(model, tokenizer, train_ds, val_ds):
    args = Seq2SeqTrainingArguments(output_dir="out", eval_strategy="steps", eval_steps=500)
    # error: OOM303 "a sequence-to-sequence model"
    trainer = Seq2SeqTrainer(model=model, args=args, train_dataset=train_ds, eval_dataset=val_ds,
                             tokenizer=tokenizer, compute_metrics=rouge)
    trainer.train()
