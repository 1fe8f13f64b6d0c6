import torch
from transformers import AutoModelForCausalLM, AutoTokenizer
from transformers import BitsAndBytesConfig

tokenizer = AutoTokenizer.from_pretrained("facebook/opt-1.3b")
model = AutoModelForCausalLM.from_pretrained("facebook/opt-1.3b", quantization_config=BitsAndBytesConfig(load_in_8bit=True), device_map="auto")  # error: 67 [OOM502] "BitsAndBytesConfig"
