import torch
from dinolike.fsdp import get_fsdp_wrapper


class MetaArch(torch.nn.Module):
    def __init__(self, cfg):
        super().__init__()
        if cfg.pretrained_weights:
            # a project's own FSDP helpers: every rank runs this
            # error: OOM402 "every rank"
            chkpt = torch.load(cfg.pretrained_weights)
            self.student.load_state_dict(chkpt["model"], strict=False)
