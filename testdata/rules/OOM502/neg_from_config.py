from transformers import AutoConfig, AutoModelForCausalLM

config = AutoConfig.from_pretrained(name)
model = AutoModelForCausalLM.from_config(config, load_in_8bit=True)
