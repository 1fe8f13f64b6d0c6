import os

import torch
import torch.distributed as dist


class KernelTrainer:
    def logits_cached(self, stage):
        path = os.path.join(self.args.output_dir, f"{stage.mode}_logits.pt")
        if os.path.exists(path):
            # the logits are saved as they come from the GPU model
            # error: OOM402 "every rank"
            logits = torch.load(path)
        else:
            logits = []
            for batch in self.loader:
                logits.append(self.model(batch).detach())
            logits = torch.cat(logits, dim=0)
            torch.save(logits, path)
        return logits

    def save_kernels(self, stage, kernel):
        torch.save(kernel.cpu(), os.path.join(self.args.output_dir, f"{stage.mode}_kernels.pt"))
        torch.save(self.model.state_dict(), os.path.join(self.args.output_dir, f"{stage.mode}_kernels.pt"))

    def evaluate(self, stage):
        # one of the saves to this file name writes the model's GPU weights
        # error: OOM402 "every rank"
        return torch.load(os.path.join(self.args.load_dir, f"{stage.mode}_kernels.pt"))
