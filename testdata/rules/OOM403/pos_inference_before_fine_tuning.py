from peft import LoraConfig, get_peft_model
from transformers import AutoModelForCausalLM, Trainer

# a notebook that first demonstrates inference with one load...
# error: OOM403
demo = AutoModelForCausalLM.from_pretrained("Qwen/Qwen2-7B-Instruct", device_map="auto")
print(demo.generate(**inputs))

# ...and fine-tunes another load further down
model = AutoModelForCausalLM.from_pretrained("Qwen/Qwen2-7B-Instruct", torch_dtype="auto", device_map="auto")
model = get_peft_model(model, LoraConfig(r=8))
Trainer(model=model, train_dataset=ds).train()
