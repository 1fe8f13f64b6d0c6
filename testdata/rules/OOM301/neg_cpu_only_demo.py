# A documentation demo on the CPU: one batch of two sentences, nothing moved to a GPU.
import torch
from transformers import AutoModelForSequenceClassification, AutoTokenizer

tokenizer = AutoTokenizer.from_pretrained("distilbert-base-uncased-finetuned-sst-2-english")
pt_model = AutoModelForSequenceClassification.from_pretrained("distilbert-base-uncased-finetuned-sst-2-english")
pt_batch = tokenizer(["We are very happy.", "We hope you don't hate it."], padding=True, return_tensors="pt")
pt_outputs = pt_model(**pt_batch)
print(torch.nn.functional.softmax(pt_outputs.logits, dim=-1))
