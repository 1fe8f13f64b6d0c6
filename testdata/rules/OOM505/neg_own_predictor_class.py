# A TF1 reinforcement-learning script: its value model is a class of its own whose predict runs the
# session; the loop's `vmodel` parameter is that object, not a Keras model.
import numpy as np
import tensorflow as tf


class ValueModel:
    def __init__(self, D):
        self.X = tf.placeholder(tf.float32, shape=(None, D))
        self.predict_op = tf.layers.dense(self.X, 1)

    def set_session(self, session):
        self.session = session

    def predict(self, X):
        return self.session.run(self.predict_op, feed_dict={self.X: np.atleast_2d(X)})


def play_one(env, vmodel, gamma):
    observation = env.reset()
    done = False
    total = 0
    while not done:
        observation, reward, done, _ = env.step(env.action_space.sample())
        total += reward - vmodel.predict(observation)[0]
    return total
