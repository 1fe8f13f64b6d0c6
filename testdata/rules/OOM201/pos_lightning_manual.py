# Lightning manual optimisation: training_step runs once per batch and must reset the gradients itself.
import lightning as L
import torch


class GAN(L.LightningModule):
    def __init__(self):
        super().__init__()
        self.automatic_optimization = False
        self.generator = Generator()
        self.discriminator = Discriminator()

    def training_step(self, batch, batch_idx):
        opt_g, opt_d = self.optimizers()
        g_loss = self.discriminator(self.generator(batch)).mean()
        self.manual_backward(g_loss)
        # error: OOM201 "`training_step` runs once per training iteration and calls `opt_g.step()`"
        opt_g.step()

    def configure_optimizers(self):
        return torch.optim.Adam(self.generator.parameters()), torch.optim.Adam(self.discriminator.parameters())
