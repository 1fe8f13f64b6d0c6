import torch

NOTE = "torch.cuda.amp.autocast() is deprecated"
print(NOTE, torch.__version__)
