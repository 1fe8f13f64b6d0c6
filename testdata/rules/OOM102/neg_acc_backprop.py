def train(model, loader, optimizer, criterion, aux_weight=0.1):
    for x, y in loader:
        out, aux = model(x)
        total = criterion(out, y)
        total = total + aux_weight * criterion(aux, y)
        optimizer.zero_grad()
        total.backward()
        optimizer.step()
