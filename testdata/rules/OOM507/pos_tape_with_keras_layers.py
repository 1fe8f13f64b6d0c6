# A custom training loop: the gradient tape records a subclassed Keras layer stack.
# error: OOM507 "set_memory_growth"
import tensorflow as tf


class Net(tf.Module):
    def __init__(self):
        self.w = tf.Variable(tf.random.normal([784, 10]))

    def __call__(self, x):
        return tf.matmul(x, self.w)


net = Net()
for x, y in dataset:
    with tf.GradientTape() as tape:
        loss = tf.reduce_mean(tf.square(net(x) - y))
    grads = tape.gradient(loss, net.trainable_variables)
