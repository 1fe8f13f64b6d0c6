import torch


class Trainer:
    def __init__(self, model, optimizer):
        self.model = model.cuda()
        self.optimizer = optimizer

    def save_checkpoint(self, filename):
        torch.save({"model": self.model.state_dict(), "optimizer": self.optimizer.state_dict()}, filename)

    def load_checkpoint(self, filename):
        # one caller resumes from a file of an earlier run: the optimizer state comes back on its GPU
        # error: OOM402 "optimizer state"
        checkpoint = torch.load(filename)
        self.model.load_state_dict(checkpoint["model"])
        self.optimizer.load_state_dict(checkpoint["optimizer"])


trainer = Trainer(model, torch.optim.Adam(model.parameters()))
trainer.save_checkpoint("model_checkpoint.pth")
trainer.load_checkpoint("model_checkpoint.pth")
trainer.load_checkpoint(args.resume)
