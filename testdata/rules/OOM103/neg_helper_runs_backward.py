import torch


def second_pass(loss):
    loss.backward()


for x, y in loader:
    optimizer.zero_grad()
    loss = criterion(model(x), y)
    loss.backward(retain_graph=True)
    second_pass(loss * 0.5)
    optimizer.step()
