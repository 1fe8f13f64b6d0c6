from peft import LoraConfig, PeftModel
from transformers import AutoModelForCausalLM, TrainingArguments
from trl import SFTTrainer

# a LoRA fine-tuning notebook: trl's trainer runs the backward, not this file
model = AutoModelForCausalLM.from_pretrained("NousResearch/Llama-2-7b-chat-hf", device_map="auto")
trainer = SFTTrainer(model=model, train_dataset=train_dataset, peft_config=LoraConfig(r=16),
                     args=TrainingArguments(output_dir="out"))
trainer.train()
trainer.model.save_pretrained("adapter")

# after training: the base is reloaded to merge the adapter
base_model = AutoModelForCausalLM.from_pretrained("NousResearch/Llama-2-7b-chat-hf", device_map="auto")
merged = PeftModel.from_pretrained(base_model, "adapter").merge_and_unload()
