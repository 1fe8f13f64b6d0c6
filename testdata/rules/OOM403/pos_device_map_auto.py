from transformers import AutoModelForCausalLM, AutoTokenizer

tokenizer = AutoTokenizer.from_pretrained("Qwen/Qwen2-7B-Instruct")
# error: OOM403 "float32"
model = AutoModelForCausalLM.from_pretrained("Qwen/Qwen2-7B-Instruct", device_map="auto")
inputs = tokenizer("Hello", return_tensors="pt").to(model.device)
print(tokenizer.decode(model.generate(**inputs)[0]))
