# The star import's `torch` is torch, but nothing here turns autograd off.
from course_utils import *

device = "cuda" if torch.cuda.is_available() else "cpu"


def validate_batch(x, y, model, criterion):
    model.eval()
    # error: OOM301 "`model(x)`"
    prediction = model(x)
    return criterion(prediction, y).item()
