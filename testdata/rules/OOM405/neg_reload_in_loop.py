from transformers import AutoModelForCausalLM

# a reload on every iteration is OOM401's finding
for name in checkpoints:
    model = AutoModelForCausalLM.from_pretrained(name, device_map="auto")
    evaluate(model)
