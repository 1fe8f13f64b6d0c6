# A shape check of a loaded model on the GPU: one forward on three literal token ids.
import torch
from model import Qwen3Model

model = Qwen3Model()
model.load_state_dict(torch.load("qwen3.pth"))
device = "cuda" if torch.cuda.is_available() else "cpu"
model.to(device)
model(torch.tensor([1, 2, 3]).unsqueeze(0).to(device))
