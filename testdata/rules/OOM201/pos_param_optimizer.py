def train(model, loader, opt, criterion, device):
    model.train()
    # error: OOM201 "`opt.zero_grad(set_to_none=True)`"
    for data, target in loader:
        data, target = data.to(device), target.to(device)
        output = model(data)
        loss = criterion(output, target)
        loss.backward()
        opt.step()
