# No .to(device) here, but each model is handed to a Trainer, which places it on the GPU.
from transformers import AutoModelForSequenceClassification, Trainer

for train_slice in train_slices:
    # error: OOM401
    model = AutoModelForSequenceClassification.from_pretrained(model_ckpt, config=config)
    trainer = Trainer(model=model, args=training_args, train_dataset=ds["train"].select(train_slice))
    trainer.train()
    scores.append(trainer.evaluate()["eval_f1"])
