import torch
from transformers import AutoModel

a = AutoModel.from_pretrained(name).to("mps")
b = AutoModel.from_pretrained(name).to(torch.device("cpu"))
