from transformers import AutoModelForCausalLM

for name in ["gpt2-medium", "gpt2-large", "gpt2-xl"]:
    # error: OOM401 "del model"
    model = AutoModelForCausalLM.from_pretrained(name).cuda().eval()
    print(name, evaluate(model))
