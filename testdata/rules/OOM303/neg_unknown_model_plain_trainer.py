from transformers import Trainer, TrainingArguments


def fit(model, train, valid):
    # a plain Trainer on a model the file does not show: most often a classifier
    args = TrainingArguments(output_dir="out", eval_strategy="epoch")
    trainer = Trainer(model=model, args=args, train_dataset=train, eval_dataset=valid, compute_metrics=accuracy)
    trainer.train()
