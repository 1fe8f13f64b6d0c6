import torch


def predict_future(model, history, steps):
    model.cuda()
    seq = history.cuda()
    for _ in range(steps):
        # error: OOM304 "takes back `seq`"
        pred = model(seq)
        seq = torch.cat([seq, pred[:, -1:]], dim=1)
    return seq[:, history.size(1):]
