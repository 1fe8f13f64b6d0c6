import gym
import torch


def train(policy, optimizer, scheduler, episodes):
    env = gym.make("LunarLander-v2")
    for episode in range(episodes):
        optimizer.zero_grad()
        state, _ = env.reset()
        for t in range(500):
            dist = torch.distributions.Categorical(logits=policy(torch.as_tensor(state)))
            action = dist.sample()
            state, reward, terminated, truncated, _ = env.step(action.item())
            (-dist.log_prob(action) * reward).backward()
            scheduler.step()
            if terminated or truncated:
                break
        optimizer.step()
