"""Fine-tune Flan-T5 base with the Seq2SeqTrainer and Adafactor."""
from dataclasses import dataclass, field

from transformers import AutoModelForSeq2SeqLM, HfArgumentParser, Seq2SeqTrainer, Seq2SeqTrainingArguments


@dataclass
class DataArguments:
    max_source_length: int = field(default=512)
    model_name: str = "google/flan-t5-base"


data_args = DataArguments()
model = AutoModelForSeq2SeqLM.from_pretrained(data_args.model_name)
args = Seq2SeqTrainingArguments(output_dir="t5", per_device_train_batch_size=16, optim="adafactor")
trainer = Seq2SeqTrainer(model=model, args=args)
trainer.train()
