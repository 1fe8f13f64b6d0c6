import torch
from accelerate import Accelerator


def predict(model, test_dataloader):
    accelerator = Accelerator()
    model, test_dataloader = accelerator.prepare(model, test_dataloader)
    fold_predictions = []
    for step, batch in enumerate(test_dataloader):
        with torch.no_grad():
            outputs = model(**batch)
        predictions = outputs.logits
        predictions, references = accelerator.gather_for_metrics((predictions, batch["labels"]))
        # error: OOM302
        fold_predictions.append(predictions)
    return torch.cat(fold_predictions)
