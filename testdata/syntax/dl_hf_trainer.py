from transformers import AutoModelForCausalLM, AutoTokenizer, Trainer, TrainingArguments

model_name = "gpt2"
tokenizer = AutoTokenizer.from_pretrained(model_name)
tokenizer.pad_token = tokenizer.pad_token or tokenizer.eos_token
model = AutoModelForCausalLM.from_pretrained(model_name, torch_dtype="auto")


def tokenize(examples):
    return tokenizer(examples["text"], truncation=True, max_length=512, padding="max_length")


args = TrainingArguments(
    output_dir="./out",
    per_device_train_batch_size=8,
    gradient_accumulation_steps=4,
    learning_rate=5e-5,
    num_train_epochs=3,
    fp16=True,
    logging_steps=10,
    **extra_kwargs,
)
trainer = Trainer(model=model, args=args, train_dataset=dataset.map(tokenize, batched=True))
trainer.train(resume_from_checkpoint=None)
