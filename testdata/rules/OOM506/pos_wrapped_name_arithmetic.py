import tensorflow as tf


def sample(x, noise_level):
    return x + noise_level * tf.random.normal(tf.shape(x))


sample_fn = tf.function(sample)

x = tf.zeros([64, 32, 32, 3])
for t in range(1000):
    # error: OOM506 "passes the Python number `1.0 - t / 1000`"
    x = sample_fn(x, 1.0 - t / 1000)
