from transformers import Seq2SeqTrainer, Seq2SeqTrainingArguments, WhisperForConditionalGeneration

model = WhisperForConditionalGeneration.from_pretrained("openai/whisper-small")
args = Seq2SeqTrainingArguments(output_dir="out", eval_strategy="epoch", per_device_eval_batch_size=8)
# error: OOM303 "WhisperForConditionalGeneration"
trainer = Seq2SeqTrainer(model=model, args=args, train_dataset=train, eval_dataset=dev,
                         compute_metrics=compute_metrics)
trainer.train()
