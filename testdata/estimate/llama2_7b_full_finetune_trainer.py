"""Full fine-tune of Llama 2 7B with the Trainer, in float32 (the default dtype)."""
from datasets import load_dataset
from transformers import AutoModelForCausalLM, AutoTokenizer, Trainer, TrainingArguments

MODEL_ID = "meta-llama/Llama-2-7b-hf"

tokenizer = AutoTokenizer.from_pretrained(MODEL_ID)
model = AutoModelForCausalLM.from_pretrained(MODEL_ID)

data = load_dataset("imdb", split="train")
data = data.map(lambda x: tokenizer(x["text"], truncation=True, max_length=512), batched=True)

args = TrainingArguments(
    output_dir="out",
    per_device_train_batch_size=4,
    num_train_epochs=1,
)
trainer = Trainer(model=model, args=args, train_dataset=data)
trainer.train()
