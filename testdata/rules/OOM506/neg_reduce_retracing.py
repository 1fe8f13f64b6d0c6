import tensorflow as tf


@tf.function(reduce_retracing=True)
def scale(x, factor):
    return x * factor


for i in range(1000):
    y = scale(x, i)
