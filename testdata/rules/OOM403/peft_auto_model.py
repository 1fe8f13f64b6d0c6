from peft import AutoPeftModelForCausalLM

model = AutoPeftModelForCausalLM.from_pretrained("./lora-out", device_map="cuda")  # error: [OOM403]
merged = model.merge_and_unload()
