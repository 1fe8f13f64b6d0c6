import torch

model = torch.hub.load("facebookresearch/dinov2", "dinov2_vitl14").cuda()
head = torch.nn.Linear(1024, 100).cuda()
optimizer = torch.optim.AdamW(list(model.parameters()) + list(head.parameters()), lr=1e-5)


def train_epoch(loader):
    # error: OOM601
    for x, y in loader:
        logits = head(model(x.cuda()))
        loss = torch.nn.functional.cross_entropy(logits, y.cuda())
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
