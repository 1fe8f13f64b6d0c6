def train(model, loader, optimizer, criterion, accumulation_steps=8):
    accumulated = 0
    optimizer.zero_grad()
    for i, (x, y) in enumerate(loader):
        loss = criterion(model(x), y) / accumulation_steps
        accumulated += loss
        if (i + 1) % accumulation_steps == 0:
            accumulated.backward()
            optimizer.step()
            optimizer.zero_grad()
            accumulated = 0
