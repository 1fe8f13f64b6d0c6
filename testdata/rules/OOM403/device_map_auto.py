from transformers import AutoModelForCausalLM, AutoTokenizer

tokenizer = AutoTokenizer.from_pretrained("Qwen/Qwen2-7B-Instruct")
model = AutoModelForCausalLM.from_pretrained("Qwen/Qwen2-7B-Instruct", device_map="auto")  # error: 9 [OOM403] "float32"
inputs = tokenizer("Hello", return_tensors="pt").to(model.device)
print(tokenizer.decode(model.generate(**inputs)[0]))
