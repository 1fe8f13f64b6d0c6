from transformers import AutoModelForCausalLM, Trainer, TrainingArguments


class ArgmaxTrainer(Trainer):
    def prediction_step(self, model, inputs, prediction_loss_only, ignore_keys=None):
        loss, logits, labels = super().prediction_step(model, inputs, prediction_loss_only, ignore_keys)
        return loss, logits.argmax(-1), labels


model = AutoModelForCausalLM.from_pretrained("gpt2")
args = TrainingArguments(output_dir="clm", eval_strategy="steps")
trainer = ArgmaxTrainer(model=model, args=args, train_dataset=train, eval_dataset=valid, compute_metrics=acc)
trainer.train()
