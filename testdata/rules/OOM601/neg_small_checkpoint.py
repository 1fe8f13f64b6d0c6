import torch
from transformers import AutoModelForSequenceClassification

model = AutoModelForSequenceClassification.from_pretrained("distilbert-base-uncased", num_labels=2).to("cuda")
optimizer = torch.optim.AdamW(model.parameters(), lr=5e-5)

for batch in loader:
    loss = model(**{k: v.to("cuda") for k, v in batch.items()}).loss
    loss.backward()
    optimizer.step()
    optimizer.zero_grad()
