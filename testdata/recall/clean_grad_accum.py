import torch
DEVICE = torch.device("cuda")

device = torch.device("cuda" if torch.cuda.is_available() else "cpu")


def train(model, loader, val_loader, criterion, accumulation_steps=4, epochs=3):
    model.to(device)
    optimizer = torch.optim.AdamW(model.parameters(), lr=3e-5)
    for epoch in range(epochs):
        model.train()
        running_loss = 0.0
        for i, (x, y) in enumerate(loader):
            loss = criterion(model(x), y) / accumulation_steps
            loss.backward()
            running_loss += loss.item()
            if (i + 1) % accumulation_steps == 0:
                torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
                optimizer.step()
                optimizer.zero_grad()
        print(f"epoch {epoch} loss {running_loss:.3f}")
        print(validate(model, val_loader, criterion))


def validate(model, val_loader, criterion):
    model.eval()
    total = 0.0
    with torch.no_grad():
        for x, y in val_loader:
            total += criterion(model(x), y).item()
    model.train()
    return total / len(val_loader)
