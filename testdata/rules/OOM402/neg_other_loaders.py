import json
import pickle

import numpy as np
import torch
from safetensors.torch import load_file

a = pickle.load(open("x.pkl", "rb"))
b = np.load("x.npy")
c = json.load(open("x.json"))
d = load_file("model.safetensors")
e = torch.jit.load("scripted.pt")
f = torch.hub.load("pytorch/vision", "resnet18")
