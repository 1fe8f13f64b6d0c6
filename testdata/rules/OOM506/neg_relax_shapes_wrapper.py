import tensorflow as tf


def decode(z, length):
    return decoder(z)[:, :length]


decode_fn = tf.function(decode, experimental_relax_shapes=True)
for length in range(1, 200):
    out = decode_fn(z, length)
