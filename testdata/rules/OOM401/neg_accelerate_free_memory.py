from accelerate import Accelerator
from transformers import AutoModelForSequenceClassification

accelerator = Accelerator()
for fold in folds:
    model = AutoModelForSequenceClassification.from_pretrained("bert-base-cased")
    model = model.to(accelerator.device)
    train(model, fold)
    model = accelerator.free_memory(model)
