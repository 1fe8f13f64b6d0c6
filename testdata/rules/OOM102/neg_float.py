def train(model, loader, optimizer, criterion):
    total = 0.0
    total_t = 0.0
    for x, y in loader:
        optimizer.zero_grad()
        loss = criterion(model(x), y)
        loss.backward()
        optimizer.step()
        total += float(loss)
        total_t += loss.detach()
        total_t += loss.data
    return total, total_t
