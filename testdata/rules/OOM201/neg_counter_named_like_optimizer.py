import torch


def train(cfg, world_model, world_model_opt, policy, collector):
    world_model.cuda()
    optim_steps_per_collect = cfg.optim_steps_per_collect
    for data in collector:
        for _ in range(optim_steps_per_collect):
            loss = world_model(data.cuda()).mean()
            world_model_opt.zero_grad()
            loss.backward()
            world_model_opt.step()
        # an exploration-noise schedule steps by a count: no optimizer is stepped here
        policy[1].step(optim_steps_per_collect)
