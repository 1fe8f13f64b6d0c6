import torch
import torch.nn.functional as F


def train_step(model, optimizer, queries, docs, chunk):
    model.cuda()
    optimizer.zero_grad()
    q_reps = []
    d_reps = []
    for q, d in zip(queries.split(chunk), docs.split(chunk)):
        q_reps.append(model(q.cuda()))
        d_reps.append(model(d.cuda()))
    q = torch.cat(q_reps)
    d = torch.cat(d_reps)
    scores = q @ d.T
    loss = F.cross_entropy(scores, torch.arange(len(q), device=q.device))
    loss.backward()
    optimizer.step()
