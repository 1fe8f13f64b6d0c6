import torch


class CodeDataset(torch.utils.data.Dataset):
    # statistics, shards and quantizer tables written by preprocessing on the CPU
    def __init__(self, manifest, config, device="cuda"):
        self.f0_stats = torch.load(f"{manifest}.f0_stat.pt")
        quantizers_path = config.get_f0_quantizer(manifest)
        self.quantizers = torch.load(quantizers_path)
        self.device = device


def load_f0(f0_dir, nshards):
    path_to_f0 = {}
    for rank in range(1, nshards + 1):
        shard_path_to_f0 = torch.load(f"{f0_dir}/f0_{rank}_{nshards}.pt")
        path_to_f0.update(shard_path_to_f0)
    return path_to_f0


dataset = torch.load("/content/molecules.pkl")
model = build().to("cuda")
