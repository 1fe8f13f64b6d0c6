from accelerate import Accelerator
from transformers import AutoModelForCausalLM

accelerator = Accelerator()
model = AutoModelForCausalLM.from_pretrained(name, device_map="auto")
for batch in loader:
    loss = model(**batch).loss
    accelerator.backward(loss)
