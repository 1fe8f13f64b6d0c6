# Four learning rates times four widths: sixteen models, more than a few.
import tensorflow as tf

for lr in [1e-1, 1e-2, 1e-3, 1e-4]:
    for units in (16, 32, 64, 128):
        # error: OOM503
        model = tf.keras.Sequential([tf.keras.layers.Dense(units), tf.keras.layers.Dense(1)])
        model.compile(tf.keras.optimizers.SGD(lr), "mse")
        model.fit(x, y)
