import os

import torch
import torch.distributed as dist


class KernelTrainer:
    def logits_cached(self, stage):
        name = f"{stage.mode}_logits_{stage.task}.pt"
        path = os.path.join(self.args.output_dir, name)
        if os.path.exists(path):
            # the else branch below writes this file from .cpu() copies
            logits, targets = torch.load(path)
        else:
            logits = []
            targets = []
            with torch.no_grad():
                for batch in self.loader:
                    logits.append(self.model(batch).detach().cpu())
                    targets.append(batch["labels"].cpu())
            logits = torch.cat(logits, dim=0)
            targets = torch.cat(targets, dim=0)
            if dist.get_rank() == 0:
                torch.save((logits, targets), path)
        return logits, targets

    def kernels_cached(self, stage):
        name = f"{stage.mode}_kernels_{stage.task}.pt"
        path = os.path.join(self.args.output_dir, name)
        kernel = self.compute_kernel(stage).cpu()
        flipped = self.compute_kernel(stage).cpu().permute(2, 3, 0, 1)
        kernel = torch.stack([kernel, flipped], dim=0)
        torch.save(kernel, path)
        return kernel

    def evaluate(self, stage):
        # read back from another directory: the same file names, which this file writes from CPU copies
        name = f"{stage.mode}_kernels_{stage.task}.pt"
        kernel = torch.load(os.path.join(self.args.load_kernels, name))
        name = f"{self.train_stage.mode}_kernels_{self.train_stage.task}.pt"
        train_kernel = torch.load(os.path.join(self.args.load_kernels, name))
        return kernel, train_kernel


class TrainState:
    def save(self, path):
        # a step counter is a Python int: no tensor, no device
        torch.save(self.step, os.path.join(path, "step.pth"))

    def load(self, path):
        self.step = torch.load(os.path.join(path, "step.pth"))
