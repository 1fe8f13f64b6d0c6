from peft import AutoPeftModelForCausalLM

# error: OOM403
model = AutoPeftModelForCausalLM.from_pretrained("./lora-out", device_map="cuda")
merged = model.merge_and_unload()
