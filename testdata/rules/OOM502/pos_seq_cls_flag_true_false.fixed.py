from transformers import AutoModelForSequenceClassification
from transformers import BitsAndBytesConfig

# error: OOM502
clf = AutoModelForSequenceClassification.from_pretrained(name, quantization_config=BitsAndBytesConfig(load_in_8bit=False, load_in_4bit=True))
