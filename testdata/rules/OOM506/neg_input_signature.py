import tensorflow as tf


@tf.function(input_signature=[tf.TensorSpec([None, 28, 28], tf.float32), tf.TensorSpec([], tf.int64)])
def train_step(x, step):
    loss = tf.reduce_mean(model(x, training=True))
    tf.summary.scalar("loss", loss, step=step)
    return loss


for step in range(10000):
    train_step(next(batches), step)
