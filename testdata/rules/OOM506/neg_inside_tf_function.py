import tensorflow as tf


@tf.function
def layer_step(x, i):
    return x * tf.cast(i, x.dtype)


@tf.function
def forward(x):
    for i in range(4):
        x = layer_step(x, i)
    for j in range(100):
        @tf.function
        def inner(y):
            return y + 1.0

        x = inner(x)
    return x


for batch in dataset:
    forward(batch)
