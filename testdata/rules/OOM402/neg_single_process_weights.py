# One process loads a model's weights onto the GPU the model lives on anyway: the second copy is
# transient (freed once load_state_dict has copied it), not what runs a GPU out of memory.
import torch

model = Net().cuda()
model.load_state_dict(torch.load("best.pt"))
model.eval()


def evaluate(path):
    state = torch.load(path)
    model.load_state_dict(state["model"])
    scheduler_state = state["epoch"]
    return run_eval(model)


class Predictor:
    def __init__(self, weights):
        self.net = build().to("cuda")
        self.net.load_state_dict(torch.load(weights)["state_dict"])
