import torch


def test_accumulation_matches_full_batch(model, batch, criterion):
    model.cuda()
    total = 0
    for x, y in batch:
        total = total + criterion(model(x.cuda()), y.cuda())
    total.backward()
    assert all(p.grad is not None for p in model.parameters())
