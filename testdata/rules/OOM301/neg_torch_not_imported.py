# Documentation notebooks use torch without importing it: `torch.no_grad()` is still torch's.
from transformers import AutoModelForTokenClassification, AutoTokenizer

tokenizer = AutoTokenizer.from_pretrained("stevhliu/my_awesome_wnut_model")
model = AutoModelForTokenClassification.from_pretrained("stevhliu/my_awesome_wnut_model").to("cuda")
inputs = tokenizer("The Golden State Warriors are an American basketball team", return_tensors="pt").to("cuda")
with torch.no_grad():
    logits = model(**inputs).logits
generator = torch.Generator(device="cuda").manual_seed(0)
print(logits.argmax(-1), generator)
