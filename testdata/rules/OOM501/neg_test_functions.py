import torch


def test_autocast_matches_fp32(model, batch):
    # a test compares mixed precision against float32 on a tiny model: no training memory at stake
    with torch.cuda.amp.autocast():
        out = model(batch)
    assert out.dtype == torch.float16


class TestScaler:
    def test_scaler_steps(self, opt):
        scaler = torch.cuda.amp.GradScaler()
        scaler.step(opt)
