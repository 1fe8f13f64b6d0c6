# A notebook-style walk through a Transformer: same-file Keras layers are built and called eagerly
# on real tensors; the assembled model is only compiled and summarised.
# error: OOM507 "set_memory_growth"
import tensorflow as tf
from tensorflow.keras import layers, models


class FeedForward(layers.Layer):
    def __init__(self, d_ff, d):
        super().__init__()
        self.w1 = tf.Variable(tf.random.normal((d, d_ff)))
        self.w2 = tf.Variable(tf.random.normal((d_ff, d)))

    def call(self, x):
        return tf.matmul(tf.nn.relu(tf.matmul(x, self.w1)), self.w2)


x = tf.random.normal((1, 7, 512))
h = FeedForward(2048, 512)(x)
inp = layers.Input(shape=(7, 512))
model = models.Model(inputs=inp, outputs=FeedForward(2048, 512)(inp))
model.compile(loss="mse", optimizer="adam")
model.summary()
