from transformers import AutoModelForCausalLM

extra = {"load_in_8bit": True}
model = AutoModelForCausalLM.from_pretrained(model_id, **extra)
