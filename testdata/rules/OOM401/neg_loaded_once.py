from transformers import AutoModelForCausalLM, pipeline

model = AutoModelForCausalLM.from_pretrained("gpt2").cuda()
clf = pipeline("sentiment-analysis", device=0)
for prompt in prompts:
    print(model.generate(prompt), clf(prompt))
