from peft import AutoPeftModelForCausalLM

model = AutoPeftModelForCausalLM.from_pretrained(adapter_dir, load_in_4bit=True)  # error: [OOM502]
