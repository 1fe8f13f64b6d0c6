import torch
from transformers import AutoModelForSeq2SeqLM, Seq2SeqTrainer, Seq2SeqTrainingArguments

model = AutoModelForSeq2SeqLM.from_pretrained("google/flan-t5-large").to(torch.device("cuda"))
# error: OOM601 "`Seq2SeqTrainingArguments(...)`"
args = Seq2SeqTrainingArguments("out", learning_rate=3e-4, predict_with_generate=True)
Seq2SeqTrainer(model=model, args=args, train_dataset=ds).train()
