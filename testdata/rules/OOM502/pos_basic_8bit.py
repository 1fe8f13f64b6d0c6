import torch
from transformers import AutoModelForCausalLM, AutoTokenizer

tokenizer = AutoTokenizer.from_pretrained("facebook/opt-1.3b")
# error: OOM502 "BitsAndBytesConfig"
model = AutoModelForCausalLM.from_pretrained("facebook/opt-1.3b", load_in_8bit=True, device_map="auto")
