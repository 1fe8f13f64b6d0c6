import torch as T


class Evaluator:
    def __init__(self, model):
        self.model = model.cuda()

    @T.no_grad()
    def evaluate(self, batches):
        scores = []
        for b in batches:
            # error: OOM301
            scores.append(self.model(b).max().item())
        return scores


def train(model, batches, optimizer):
    for b in batches:
        optimizer.zero_grad()
        model(b).sum().backward()
        optimizer.step()
    return T.zeros(1)
