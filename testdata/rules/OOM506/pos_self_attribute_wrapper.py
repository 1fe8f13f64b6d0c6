import tensorflow as tf


class Agent:
    def __init__(self, policy):
        self.policy = policy
        self._act = tf.function(self._act_impl)

    def _act_impl(self, obs, epsilon):
        return self.policy(obs)

    def run(self, env, episodes):
        for episode in range(episodes):
            obs = env.reset()
            # error: OOM506 "passes the Python number `episode`"
            self._act(obs, episode)
