import torch
from peft import LoraConfig, get_peft_model
from transformers import AutoModelForCausalLM, AutoModelForMaskedLM, Trainer, TrainingArguments

DEVICE = "cuda"
# the model reaches the trainer through a move
model = AutoModelForCausalLM.from_pretrained("meta-llama/Llama-3.1-8B")
model = model.to(DEVICE)
peft_model = get_peft_model(model, LoraConfig(r=16))


class Classifier(torch.nn.Module):
    def __init__(self, lm, num_labels):
        super().__init__()
        self.lm = lm
        self.head = torch.nn.Linear(768, num_labels)


# or through a head built around it
lm = AutoModelForMaskedLM.from_pretrained("gagneurlab/SpeciesLM").to(DEVICE)
classification_model = Classifier(lm, 2)
trainer = Trainer(model=classification_model, args=TrainingArguments(output_dir="out"))
trainer.train()
