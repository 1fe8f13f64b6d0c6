import torch
from transformers import AutoModelForSequenceClassification, AutoTokenizer

tokenizer = AutoTokenizer.from_pretrained("distilbert-base-uncased")
model = AutoModelForSequenceClassification.from_pretrained("distilbert-base-uncased").to("cuda")


def validate(eval_dataloader, metric):
    model.eval()
    for batch in eval_dataloader:
        # error: OOM301
        outputs = model(**batch)
        predictions = outputs.logits.argmax(dim=-1)
        metric.add_batch(predictions=predictions, references=batch["labels"])
    return metric.compute()


def encode(texts):
    return tokenizer(texts, padding=True, return_tensors="pt")


def train(loader, optimizer):
    for batch in loader:
        model(**batch).loss.backward()
        optimizer.step()
        optimizer.zero_grad()
