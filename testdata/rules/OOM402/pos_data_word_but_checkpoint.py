import os

import torch

local_rank = int(os.environ["LOCAL_RANK"])

model = build().to("cuda")
# a checkpoint word wins over a data word: the file under data/ holds a model
# error: OOM402
state = torch.load("data/model_best.pt")
model.load_state_dict(state)
