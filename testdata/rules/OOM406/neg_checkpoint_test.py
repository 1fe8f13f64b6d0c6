import torch


def test_resume_restores_weights(tmp_path):
    model = Net().cuda()
    ckpt = torch.load(tmp_path / "ckpt.pt", map_location="cuda")
    model.load_state_dict(ckpt["model"])
