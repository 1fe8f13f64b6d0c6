import torch
from transformers import AutoModelForCausalLM, AutoTokenizer
from transformers import BitsAndBytesConfig

tokenizer = AutoTokenizer.from_pretrained("facebook/opt-1.3b")
# error: OOM502 "BitsAndBytesConfig"
model = AutoModelForCausalLM.from_pretrained("facebook/opt-1.3b", quantization_config=BitsAndBytesConfig(load_in_8bit=True), device_map="auto")
