from transformers import AutoModelForSequenceClassification

# error: OOM502
clf = AutoModelForSequenceClassification.from_pretrained(name, load_in_8bit=False, load_in_4bit=True)
