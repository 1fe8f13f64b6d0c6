import io

import torch

buffer = io.BytesIO(blob)
# error: OOM402
obj = torch.load(f=buffer, map_location="cpu")
