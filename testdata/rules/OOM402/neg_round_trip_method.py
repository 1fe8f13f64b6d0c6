import torch


# a tutorial's trainer class: a notebook saves a checkpoint, then reloads it in a later cell
class Trainer:
    def __init__(self, model, optimizer):
        self.device = "cuda" if torch.cuda.is_available() else "cpu"
        self.model = model.to(self.device)
        self.optimizer = optimizer

    def save_checkpoint(self, filename):
        checkpoint = {"model": self.model.state_dict(), "optimizer": self.optimizer.state_dict()}
        torch.save(checkpoint, filename)

    def load_checkpoint(self, filename):
        # every call in this file passes a file this run saved a moment before
        checkpoint = torch.load(filename)
        self.model.load_state_dict(checkpoint["model"])
        self.optimizer.load_state_dict(checkpoint["optimizer"])


trainer = Trainer(model, torch.optim.Adam(model.parameters()))
trainer.train(10)
trainer.save_checkpoint("model_checkpoint.pth")

new_trainer = Trainer(model, torch.optim.Adam(model.parameters()))
new_trainer.load_checkpoint("model_checkpoint.pth")


# a notebook that grows the class cell by cell: the function becomes a method through setattr
def resume_from(self, path):
    state = torch.load(path)
    self.optimizer.load_state_dict(state["optimizer"])


setattr(Trainer, "resume_from", resume_from)
new_trainer.resume_from("model_checkpoint.pth")
