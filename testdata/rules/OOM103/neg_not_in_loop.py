import torch

loss = criterion(model(x), y)
loss.backward(retain_graph=True)
optimizer.step()
