import io

import torch

buffer = io.BytesIO(blob)
obj = torch.load(f=buffer, map_location="cpu")  # error: [OOM402]
