from transformers import AutoModelForCausalLM, HfArgumentParser, Trainer, TrainingArguments

# the arguments come from the command line, which may set --eval_accumulation_steps
(training_args,) = HfArgumentParser(TrainingArguments).parse_args_into_dataclasses()
model = AutoModelForCausalLM.from_pretrained("gpt2")
trainer = Trainer(model=model, args=training_args, train_dataset=train, eval_dataset=valid,
                  compute_metrics=compute_metrics)
trainer.train()
