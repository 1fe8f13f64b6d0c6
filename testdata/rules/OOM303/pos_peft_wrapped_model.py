from peft import LoraConfig, get_peft_model
from transformers import AutoModelForCausalLM, Trainer, TrainingArguments

base = AutoModelForCausalLM.from_pretrained("meta-llama/Llama-3.2-1B", device_map="auto")
model = get_peft_model(base, LoraConfig(r=8))
args = TrainingArguments("out", evaluation_strategy="steps", eval_steps=100, bf16=True)
# error: OOM303 "AutoModelForCausalLM"
trainer = Trainer(model, args, train_dataset=train, eval_dataset=valid, compute_metrics=token_accuracy)
trainer.train()
