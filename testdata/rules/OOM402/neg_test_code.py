import torch


def test_resume_restores_weights(tmp_path):
    # tests load what they saved a moment ago, on the machine that saved it
    model = build().cuda()
    ckpt = torch.load(tmp_path / "checkpoint.pt")
    model.load_state_dict(ckpt["model"])


class TestCheckpoint:
    def check_optimizer_state(self, path):
        state = torch.load(path)
        assert "optimizer" in state
