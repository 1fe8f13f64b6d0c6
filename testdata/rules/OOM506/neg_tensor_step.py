import tensorflow as tf


@tf.function
def train_step(x, step):
    loss = tf.reduce_mean(model(x, training=True))
    tf.summary.scalar("loss", loss, step=step)
    return loss


for step in range(10000):
    train_step(next(batches), tf.constant(step, dtype=tf.int64))

for step in tf.range(10000, dtype=tf.int64):
    train_step(next(batches), step)
