import gym
import torch


def train(policy, optimizer, episodes=100):
    env = gym.make("CartPole-v1")
    for episode in range(episodes):
        state, _ = env.reset()
        episode_reward = 0
        log_probs = []
        done = False
        while not done:
            probs = policy(torch.as_tensor(state))
            dist = torch.distributions.Categorical(probs)
            action = dist.sample()
            log_probs.append(dist.log_prob(action))
            state, reward, terminated, truncated, _ = env.step(action.item())
            episode_reward += reward
            done = terminated or truncated
        loss = -torch.stack(log_probs).sum() * episode_reward
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
