# The predictions kept are the indices torch.max returns with a dimension: one integer per review.
import torch
import torch.nn.functional as F

device = torch.device("cuda")


def get_predictions(model, data_loader):
    model = model.eval()
    predictions = []
    real_values = []
    with torch.no_grad():
        for d in data_loader:
            outputs = model(input_ids=d["input_ids"].to(device), attention_mask=d["attention_mask"].to(device))
            _, preds = torch.max(outputs, dim=1)
            predictions.extend(preds)
            real_values.extend(d["targets"])
    return torch.stack(predictions).cpu(), torch.stack(real_values)
