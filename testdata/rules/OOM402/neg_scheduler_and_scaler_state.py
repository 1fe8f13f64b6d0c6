import os

import torch
import torch.distributed as dist

SCHEDULER_NAME = "scheduler.pt"
SCALER_NAME = "scaler.pt"


class Trainer:
    def _load_optimizer_and_scheduler(self, checkpoint):
        # a scheduler's state is step counts and rates; a GradScaler's is its scale as a Python float:
        # no tensors to put back on cuda:0, even when every rank resumes
        self.lr_scheduler.load_state_dict(torch.load(os.path.join(checkpoint, SCHEDULER_NAME)))
        if self.do_grad_scaling and os.path.isfile(os.path.join(checkpoint, SCALER_NAME)):
            self.scaler.load_state_dict(torch.load(os.path.join(checkpoint, SCALER_NAME)))
        if dist.get_rank() == 0:
            self.grad_scaler.load_state_dict(torch.load(checkpoint + "/grad_scaler.pt"))
