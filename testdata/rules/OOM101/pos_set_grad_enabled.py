import torch
torch.cuda.set_device(0)


def train_model(model, dataloaders, criterion, optimizer, num_epochs=25):
    history = {"train": [], "val": []}
    for epoch in range(num_epochs):
        for phase in ["train", "val"]:
            epoch_losses = history[phase]
            for inputs, labels in dataloaders[phase]:
                optimizer.zero_grad()
                with torch.set_grad_enabled(phase == "train"):
                    outputs = model(inputs)
                    loss = criterion(outputs, labels)
                    if phase == "train":
                        loss.backward()
                        optimizer.step()
                # error: OOM101
                epoch_losses.append(loss)
    return history
