# The literal list is only the start: the loop that fills it makes the number of models unknown.
import tensorflow as tf

widths = [8]
for w in range(16, 2048, 16):
    widths.append(w)
for units in widths:
    # error: OOM503
    model = tf.keras.Sequential([tf.keras.layers.Dense(units), tf.keras.layers.Dense(1)])
    model.fit(x, y, epochs=3)
