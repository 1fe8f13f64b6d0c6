import torch

device = torch.device("cuda")


def finish_episode(policy, optimizer, gamma=0.99):
    R = 0
    policy_loss = []
    returns = []
    for r in policy.rewards[::-1]:
        R = r + gamma * R
        returns.insert(0, R)
    returns = torch.tensor(returns, device=device)
    for log_prob, R in zip(policy.saved_log_probs, returns):
        policy_loss.append(-log_prob * R)
    optimizer.zero_grad()
    policy_loss = torch.cat(policy_loss).sum()
    policy_loss.backward()
    optimizer.step()


def run_episode(policy, env, optimizer):
    state = env.reset()
    for t in range(1000):
        probs = policy(torch.from_numpy(state).float().to(device))
        m = torch.distributions.Categorical(probs)
        action = m.sample()
        policy.saved_log_probs.append(m.log_prob(action))
        state, reward, done, _ = env.step(action.item())
        policy.rewards.append(reward)
        if done:
            break
    finish_episode(policy, optimizer)
