from transformers import AutoModelForCausalLM, BitsAndBytesConfig

q = AutoModelForCausalLM.from_pretrained(name, quantization_config=BitsAndBytesConfig(load_in_4bit=True), device_map="auto")
old = AutoModelForCausalLM.from_pretrained(name, load_in_8bit=True, device_map="auto")
