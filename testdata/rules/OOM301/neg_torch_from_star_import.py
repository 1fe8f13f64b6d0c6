# A helper library's star import brings `torch` (and the rest of the usual names): its
# `torch.no_grad()` is torch's, as a decorator and as a context manager.
from course_utils import *

device = "cuda" if torch.cuda.is_available() else "cpu"


class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.body = nn.Sequential(nn.Conv2d(3, 64, 3), nn.ReLU(), nn.Conv2d(64, 10, 3))

    def forward(self, x):
        return self.body(x).mean((2, 3))


@torch.no_grad()
def validate_batch(x, y, model, criterion):
    model.eval()
    prediction = model(x)
    return criterion(prediction, y).item()


def test_predictions(model, loader):
    model.eval()
    outputs = []
    with torch.no_grad():
        for x, _ in loader:
            outputs.append(model(x.to(device)).argmax(-1))
    return outputs


model = Net().to(device)
