import torch
from torch.distributions import Categorical


class Agent:
    def __init__(self, policy, optimizer):
        self.policy = policy
        self.optimizer = optimizer
        self.saved_log_probs = []
        self.rewards = []

    def finish_episode(self):
        returns = torch.tensor(self.rewards)
        loss = torch.cat([-lp * r for lp, r in zip(self.saved_log_probs, returns)]).sum()
        self.optimizer.zero_grad()
        loss.backward()
        self.optimizer.step()
        del self.saved_log_probs[:]
        del self.rewards[:]

    def run(self, env, episodes):
        for _ in range(episodes):
            state, _ = env.reset()
            done = False
            while not done:
                dist = Categorical(self.policy(torch.as_tensor(state)))
                action = dist.sample()
                self.saved_log_probs.append(dist.log_prob(action))
                state, reward, done, _, _ = env.step(action.item())
                self.rewards.append(reward)
            self.finish_episode()
