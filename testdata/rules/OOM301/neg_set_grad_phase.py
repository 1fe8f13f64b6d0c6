import torch


def run_epoch(model, dataloaders, criterion, optimizer):
    for phase in ["train", "val"]:
        if phase == "train":
            model.train()
        else:
            model.eval()
        for inputs, labels in dataloaders[phase]:
            with torch.set_grad_enabled(phase == "train"):
                outputs = model(inputs)
                loss = criterion(outputs, labels)


def evaluate(model, loader, phase):
    with torch.set_grad_enabled(phase == "train"):
        return [model(x) for x in loader]
