from transformers import AutoModelForCausalLM

load_kwargs = {"torch_dtype": "auto", "device_map": "auto"}
a = AutoModelForCausalLM.from_pretrained(name, **load_kwargs)
b = AutoModelForCausalLM.from_pretrained(name).to(args.device)
