import lightning.pytorch as pl


class WeightAveraging(pl.Callback):
    def __init__(self):
        self._average_model = None

    def on_validation_epoch_start(self, trainer, pl_module):
        if self._average_model is not None:
            self._swap_models(pl_module)

    def on_validation_epoch_end(self, trainer, pl_module):
        if self._average_model is not None:
            self._swap_models(pl_module)

    def _swap_models(self, pl_module):
        for a, b in zip(pl_module.parameters(), self._average_model.parameters()):
            a.data, b.data = b.data, a.data
