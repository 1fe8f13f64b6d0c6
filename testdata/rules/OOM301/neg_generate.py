from transformers import AutoModelForCausalLM, AutoTokenizer


def evaluate_generation(model_name, prompts):
    tokenizer = AutoTokenizer.from_pretrained(model_name)
    model = AutoModelForCausalLM.from_pretrained(model_name)
    model.eval()
    outputs = []
    for prompt in prompts:
        inputs = tokenizer(prompt, return_tensors="pt")
        generated = model.generate(**inputs, max_new_tokens=32)
        outputs.append(tokenizer.decode(generated[0]))
    return outputs
