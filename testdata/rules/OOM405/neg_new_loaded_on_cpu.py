from transformers import AutoModelForCausalLM

# the new model loads on the CPU: rebinding the name frees the old one before the new one moves
model = AutoModelForCausalLM.from_pretrained("mistralai/Mistral-7B-v0.1").to("cuda")
evaluate(model)
model = AutoModelForCausalLM.from_pretrained("mistralai/Mistral-7B-Instruct-v0.2")
model = model.to("cuda")
