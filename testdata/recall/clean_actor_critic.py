import gym
import torch
import torch.nn as nn
import torch.nn.functional as F
import torch.optim as optim
from torch.distributions import Categorical
DEVICE = torch.device("cuda")


class Policy(nn.Module):
    def __init__(self):
        super().__init__()
        self.affine1 = nn.Linear(4, 128)
        self.action_head = nn.Linear(128, 2)
        self.value_head = nn.Linear(128, 1)

    def forward(self, x):
        x = F.relu(self.affine1(x))
        return F.softmax(self.action_head(x), dim=-1), self.value_head(x)


env = gym.make("CartPole-v1")
model = Policy()
optimizer = optim.Adam(model.parameters(), lr=3e-2)
episode_losses = []

for i_episode in range(500):
    state, _ = env.reset()
    log_probs, values, rewards = [], [], []
    for t in range(1, 10000):
        probs, value = model(torch.from_numpy(state).float())
        m = Categorical(probs)
        action = m.sample()
        log_probs.append(m.log_prob(action))
        values.append(value)
        state, reward, done, _, _ = env.step(action.item())
        rewards.append(reward)
        if done:
            break
    R = 0
    returns = []
    for r in rewards[::-1]:
        R = r + 0.99 * R
        returns.insert(0, R)
    returns = torch.tensor(returns)
    policy_loss = torch.stack([-lp * (R - v.item()) for lp, v, R in zip(log_probs, values, returns)]).sum()
    value_loss = torch.stack([F.smooth_l1_loss(v, torch.tensor([R])) for v, R in zip(values, returns)]).sum()
    optimizer.zero_grad()
    total_loss = policy_loss + value_loss
    total_loss.backward()
    optimizer.step()
    episode_losses.append(total_loss.item())
