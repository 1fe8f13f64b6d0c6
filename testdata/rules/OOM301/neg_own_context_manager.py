import contextlib

import torch


class Model:
    def __init__(self, network):
        self.network = network.cuda()

    @contextlib.contextmanager
    def _set_training_mode(self, training):
        old = self.network.training
        self.network.train(training)
        with torch.set_grad_enabled(training):
            yield
        self.network.train(old)

    def predict_generator(self, generator):
        preds = []
        # the class's own context manager turns grad off for predictions
        with self._set_training_mode(False):
            for x in generator:
                batch_pred = self.network(x.cuda())
                preds.append(batch_pred.cpu().numpy())
        return preds


@contextlib.contextmanager
def inference():
    with torch.no_grad():
        yield


def evaluate(model, loader):
    model = model.cuda().eval()
    with inference():
        for x in loader:
            print(model(x.cuda()).argmax(-1).tolist())
