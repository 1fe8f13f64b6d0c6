# error: OOM507 "set_memory_growth"
import tensorflow.compat.v1 as tf

tf.disable_v2_behavior()
x = tf.placeholder(tf.float32, [None, 784])
logits = tf.layers.dense(x, 10)
with tf.Session() as sess:
    sess.run(tf.global_variables_initializer())
