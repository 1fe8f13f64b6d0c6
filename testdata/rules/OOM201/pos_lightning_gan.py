import lightning as L
import torch


class ManualGAN(L.LightningModule):
    def __init__(self, generator, discriminator):
        super().__init__()
        self.automatic_optimization = False
        self.generator = generator
        self.discriminator = discriminator

    def training_step(self, batch, batch_idx):
        g_opt, d_opt = self.optimizers()
        g_loss = -self.discriminator(self.generator(batch)).mean()
        self.manual_backward(g_loss)
        # error: OOM201 "calls `g_opt.step()` but never resets gradients"
        g_opt.step()
        d_loss = self.discriminator(self.generator(batch).detach()).mean()
        self.manual_backward(d_loss)
        d_opt.step()

    def configure_optimizers(self):
        return (torch.optim.Adam(self.generator.parameters()), torch.optim.Adam(self.discriminator.parameters()))
