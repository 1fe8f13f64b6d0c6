import torch


class Evaluator:
    def __init__(self, model):
        self.model = model.cuda()
        self.embeddings = []

    @torch.no_grad()
    def run(self, dataloader):
        for batch in dataloader:
            emb = self.model.encode(batch)
            # error: OOM302
            self.embeddings.extend(emb.cpu())
