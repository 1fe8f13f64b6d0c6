import pytorch_lightning as pl
import torch
import torch.nn.functional as F


class Model(pl.LightningModule):
    def __init__(self, net):
        super().__init__()
        self.net = net
        self.running = 0.0

    def training_step(self, batch, batch_idx):
        x, y = batch
        loss = F.mse_loss(self.net(x), y)
        self.running += loss
        return loss

    def configure_optimizers(self):
        return torch.optim.SGD(self.parameters(), lr=0.1)
