import torch


def solver(model, optimizer, tasks, device, train=True):
    # validation sums the task losses for a report; only the training branch backpropagates them
    model.to(device)
    task_loss = []
    for support, query in tasks:
        if train:
            logits = model(support.to(device))
            # error: OOM104 "`task_loss` collects the loss of every pass"
            task_loss.append(logits.logsumexp(-1).mean())
        else:
            logits = model(query.to(device))
            task_loss.append(logits.logsumexp(-1).mean())
    batch_loss = torch.stack(task_loss).mean()
    if train:
        optimizer.zero_grad()
        batch_loss.backward()
        optimizer.step()
    return batch_loss.item()
