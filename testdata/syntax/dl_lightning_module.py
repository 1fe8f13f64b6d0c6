import lightning as L
import torch


class LitClassifier(L.LightningModule):
    def __init__(self, backbone, lr=1e-3):
        super().__init__()
        self.save_hyperparameters(ignore=["backbone"])
        self.backbone = backbone

    def training_step(self, batch, batch_idx):
        x, y = batch
        loss = torch.nn.functional.cross_entropy(self.backbone(x), y)
        self.log("train_loss", loss, prog_bar=True, on_step=True)
        return loss

    def validation_step(self, batch, batch_idx):
        x, y = batch
        acc = (self.backbone(x).argmax(-1) == y).float().mean()
        self.log_dict({"val_acc": acc}, sync_dist=True)

    def configure_optimizers(self):
        opt = torch.optim.Adam(self.parameters(), lr=self.hparams.lr)
        sched = torch.optim.lr_scheduler.CosineAnnealingLR(opt, T_max=10)
        return {"optimizer": opt, "lr_scheduler": {"scheduler": sched, "interval": "epoch"}}


trainer = L.Trainer(max_epochs=5, accelerator="gpu", devices=2, precision="16-mixed")
