import io

import torch

buffer = io.BytesIO(blob)
obj = torch.load(f=buffer)  # error: [OOM402]
