from transformers import AutoModelForSeq2SeqLM, Seq2SeqTrainer, Seq2SeqTrainingArguments

# with predict_with_generate the evaluation keeps generated token ids (samples x length), not logits
model = AutoModelForSeq2SeqLM.from_pretrained("t5-small")
args = Seq2SeqTrainingArguments(output_dir="sum", eval_strategy="epoch", predict_with_generate=True)
trainer = Seq2SeqTrainer(model=model, args=args, train_dataset=train, eval_dataset=valid, compute_metrics=rouge)
trainer.train()
