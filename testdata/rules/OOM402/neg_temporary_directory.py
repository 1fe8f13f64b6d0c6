import tempfile

import torch

model = build().to("cuda")
with tempfile.TemporaryDirectory() as tmpdir:
    # a temporary directory lives for one process: the load gets back what this run saved
    torch.save(probe.state_dict(), tmpdir + "/linear_probe.bin")
    loaded = build_probe().to("cuda")
    loaded.load_state_dict(torch.load(tmpdir + "/linear_probe.bin"))
