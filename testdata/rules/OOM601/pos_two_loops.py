import torch
from transformers import AutoModel

encoder = AutoModel.from_pretrained("microsoft/deberta-v3-large").cuda()
opt = torch.optim.AdamW(encoder.parameters(), lr=1e-5)


def pretrain(loader):
    # error: OOM601
    for batch in loader:
        loss = encoder(**{k: v.cuda() for k, v in batch.items()}).last_hidden_state.pow(2).mean()
        loss.backward()
        opt.step()
        opt.zero_grad()


def finetune(loader):
    # error: OOM601
    for batch in loader:
        loss = encoder(**{k: v.cuda() for k, v in batch.items()}).last_hidden_state.mean()
        loss.backward()
        opt.step()
        opt.zero_grad()
