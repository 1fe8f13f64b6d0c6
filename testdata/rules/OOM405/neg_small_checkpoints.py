from transformers import AutoModelForSequenceClassification

model = AutoModelForSequenceClassification.from_pretrained("distilbert-base-uncased", num_labels=2).to("cuda")
train(model)
model = AutoModelForSequenceClassification.from_pretrained("./results/checkpoint-500").to("cuda")
