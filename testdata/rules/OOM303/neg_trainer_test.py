from transformers import AutoModelForCausalLM, Trainer, TrainingArguments


def test_trainer_evaluates():
    model = AutoModelForCausalLM.from_pretrained("hf-internal-testing/tiny-random-gpt2")
    args = TrainingArguments(output_dir="tmp", eval_strategy="steps", eval_steps=1)
    trainer = Trainer(model=model, args=args, train_dataset=ds, eval_dataset=ds, compute_metrics=metrics)
    trainer.train()
