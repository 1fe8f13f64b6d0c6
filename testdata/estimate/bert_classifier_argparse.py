"""Fine-tune bert-base-cased for classification; sizes come from argparse defaults."""
import argparse

import torch
from torch.utils.data import DataLoader
from transformers import AutoModelForSequenceClassification, AutoTokenizer

parser = argparse.ArgumentParser()
parser.add_argument("--model_name", default="bert-base-cased")
parser.add_argument("--batch-size", type=int, default=32)
parser.add_argument("--max_length", type=int, default=128)
args = parser.parse_args()

tokenizer = AutoTokenizer.from_pretrained(args.model_name)
model = AutoModelForSequenceClassification.from_pretrained(args.model_name, num_labels=2).to("cuda")
optimizer = torch.optim.Adam(model.parameters(), lr=2e-5)
loader = DataLoader(train_set, batch_size=args.batch_size)

for batch in loader:
    enc = tokenizer(batch["text"], truncation=True, max_length=args.max_length, return_tensors="pt")
    loss = model(**enc, labels=batch["label"]).loss
    loss.backward()
    optimizer.step()
    optimizer.zero_grad()
