import torch


def train(model, loader, optimizer, criterion, epochs):
    for epoch in range(epochs):
        for x, y in loader:
            optimizer.zero_grad()
            loss = criterion(model(x), y)
            loss.backward()
            optimizer.step()
        model.eval()
        sample = model(torch.zeros(1, 3, 32, 32, device="cuda"))
        print(sample.shape)
        model.train()
        torch.cuda.empty_cache()
