# The optimizer covers one part of the model (its decoder); model.zero_grad() resets every parameter
# of the model, the decoder's among them.
import torch


def train(model, loader, epochs):
    model.cuda()
    optimizer = torch.optim.Adam(params=model.decoder.parameters(), lr=1e-4)
    for epoch in range(epochs):
        for x, y in loader:
            model.zero_grad()
            loss = model.compute_loss(x.cuda(), y.cuda())
            loss.backward()
            optimizer.step()
