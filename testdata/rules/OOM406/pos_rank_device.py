import torch
import torch.distributed as dist

local_rank = dist.get_rank()
torch.cuda.set_device(local_rank)
model = GPT(config).to(f"cuda:{local_rank}")
# error: OOM406
checkpoint = torch.load(os.path.join(out_dir, "ckpt.pt"), map_location=f"cuda:{local_rank}")
model.load_state_dict(checkpoint["model"], strict=False)
