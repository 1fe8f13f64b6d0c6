import torch
from transformers import AutoModelForCausalLM, HfArgumentParser, Trainer, TrainingArguments

device = torch.device("cuda")
parser = HfArgumentParser(TrainingArguments)
(training_args,) = parser.parse_args_into_dataclasses()
extra = {"output_dir": "out"}
args = TrainingArguments(**extra)
model = AutoModelForCausalLM.from_pretrained("meta-llama/Llama-3.1-8B")
Trainer(model=model, args=training_args, train_dataset=ds).train()
