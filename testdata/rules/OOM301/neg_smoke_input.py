# A shape check of a loaded model on the GPU: one forward on three literal token ids.
import torch
from model import Qwen3Model

model = Qwen3Model()
model.load_state_dict(torch.load("qwen3.pth"))
device = "cuda" if torch.cuda.is_available() else "cpu"
model.to(device)
model(torch.tensor([1, 2, 3]).unsqueeze(0).to(device))

# the same through a dict of literal tensors
inputs = {
    "input_ids": torch.tensor([[109432, 104130, 9370]], dtype=torch.long).to(model.device),
    "attention_mask": torch.tensor([[1, 1, 1]], dtype=torch.long).to(model.device),
}
outputs = model.forward(**inputs, use_cache=True)
