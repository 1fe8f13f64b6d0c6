from transformers import pipeline

pipe = pipeline("text-generation", model="meta-llama/Llama-2-13b-hf", device=0)
print(pipe("Hello")[0]["generated_text"])
# error: OOM405
pipe = pipeline("text-generation", model="meta-llama/Llama-2-13b-chat-hf", device=0)
print(pipe("Hello")[0]["generated_text"])
