import torch


def meta_train(model, meta_optimizer, task_batches, inner_steps, loss_fn):
    for tasks in task_batches:
        meta_loss = 0.0
        for support, query in tasks:
            fast = model.clone()
            for _ in range(inner_steps):
                fast.adapt(loss_fn(fast(support.x), support.y))
            meta_loss = meta_loss + loss_fn(fast(query.x), query.y)
        valid_loss = 0.0
        for query_x, query_y in tasks.valid:
            valid_loss = valid_loss + loss_fn(model(query_x), query_y)
        meta_optimizer.zero_grad()
        (meta_loss + valid_loss).backward()
        meta_optimizer.step()
