from peft import AutoPeftModelForCausalLM

# error: OOM502
model = AutoPeftModelForCausalLM.from_pretrained(adapter_dir, load_in_4bit=True)
