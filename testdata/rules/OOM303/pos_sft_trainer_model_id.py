from trl import SFTConfig, SFTTrainer

config = SFTConfig(output_dir="sft", eval_strategy="steps", eval_steps=200)
# error: OOM303 "a language model"
trainer = SFTTrainer(
    model="Qwen/Qwen2.5-0.5B",
    args=config,
    train_dataset=dataset["train"],
    eval_dataset=dataset["test"],
    compute_metrics=compute_metrics,
)
trainer.train()
