from transformers import AutoModelForCausalLM

# GPT-2 XL (1.5B) fine-tuned: the name's family size is not the base model's
# error: OOM403 "float32"
model = AutoModelForCausalLM.from_pretrained("someone/gpt2-xl-finetuned-poems").to("cuda")
