# Checkpoint shards merged into one model: each shard is read into host memory (map_location="cpu")
# and copied into the model already on the GPU, so the loop holds no second model on the GPU.
from pathlib import Path

import torch

model = Transformer(args).cuda()
for shard in sorted(Path(ckpt_dir).glob("*.pth")):
    state = torch.load(shard, map_location="cpu")
    model.load_state_dict(state, strict=False)
