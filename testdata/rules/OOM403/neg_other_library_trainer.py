import torch
from transformers import AutoModelForTokenClassification
from unilm.layoutlmft.trainers import XfunReTrainer

# a fine-tuning notebook with another library's trainer: the demo after training reloads in fp32
device = torch.device("cuda" if torch.cuda.is_available() else "cpu")
trainer = XfunReTrainer(model=build(), args=training_args, train_dataset=train_dataset)
trainer.train()
model = AutoModelForTokenClassification.from_pretrained("nielsr/layoutxlm-finetuned-xfund-fr").to(device)
