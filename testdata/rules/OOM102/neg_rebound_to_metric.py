# After training, `loss` is rebound to what a same-file metric returns: a Python number, no graph.
import numpy as np
import torch


def mlogloss(y_test, preds):
    return float(-np.mean(np.log(preds[np.arange(len(y_test)), y_test])))


def stretch(models, folds, x, y, device):
    for j, model in enumerate(models):
        total_loss = 0
        for i, (train, test) in enumerate(folds):
            model = model.to(device)
            optimizer = torch.optim.Adam(model.parameters())
            for epoch in range(10):
                optimizer.zero_grad()
                outputs = model(x[train].to(device))
                loss = criterion(outputs, y[train].to(device))
                loss.backward()
                optimizer.step()
            with torch.no_grad():
                pred = torch.softmax(model(x[test].to(device)), dim=1).cpu().numpy()
            loss = mlogloss(y[test], pred)
            total_loss += loss
            print(loss)
