import torch
from transformers import AutoModelForSeq2SeqLM

device = "cuda" if torch.cuda.is_available() else "cpu"
model = AutoModelForSeq2SeqLM.from_pretrained("google/flan-t5-xxl").to(device)
scores_base = run_eval(model)
# error: OOM405
model = AutoModelForSeq2SeqLM.from_pretrained("finetuned/flan-t5-xxl").to(device)
scores_tuned = run_eval(model)
