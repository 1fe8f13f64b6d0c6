import io

import torch

model = build().cuda()
buffer = io.BytesIO(blob)
# error: OOM402
obj = torch.load(f=buffer)
opt.load_state_dict(obj["optim"])
