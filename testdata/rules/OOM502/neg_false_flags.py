from transformers import AutoModelForCausalLM

# falsy flags never took the deprecated path
model = AutoModelForCausalLM.from_pretrained(model_id, load_in_8bit=False, load_in_4bit=None)
