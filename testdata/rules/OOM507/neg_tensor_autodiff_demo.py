# A tutorial on automatic differentiation: gradient tapes and a TF1 session on plain tensors, no
# model, layer or optimizer anywhere: nothing worth reserving a GPU for.
import tensorflow as tf

x = tf.Variable(tf.constant([2.0]))
with tf.GradientTape() as tape:
    f = x ** 2
print("df/dx =", tape.gradient(f, x))

a = tf.compat.v1.placeholder("float")
b = tf.compat.v1.placeholder("float")
y = tf.multiply(a, b)
with tf.compat.v1.Session() as sess:
    print(sess.run(y, feed_dict={a: 1, b: 2}))
