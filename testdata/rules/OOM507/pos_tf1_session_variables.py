# A TF1 session that trains variables built in another module (the graph comes from an imported
# helper, but the initialiser shows there are variables to place on the GPU).
# error: OOM507 "set_memory_growth"
import tensorflow as tf
from algos import core

x_ph = tf.placeholder(tf.float32, shape=(None, 8))
pi, logp, v = core.mlp_actor_critic(x_ph)
sess = tf.Session()
sess.run(tf.global_variables_initializer())
for epoch in range(100):
    sess.run(pi, feed_dict={x_ph: obs})
