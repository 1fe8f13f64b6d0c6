# Builds a model only to draw and describe it: it is never trained, run or handed to anything.
import tensorflow as tf


def build(shape=(64, 8)):
    inputs = tf.keras.layers.Input(shape=shape)
    x = tf.keras.layers.LSTM(32)(inputs)
    return inputs, tf.keras.layers.Dense(4)(x)


inputs, outputs = build()
model = tf.keras.Model(inputs=inputs, outputs=outputs)
model.summary()
tf.keras.utils.plot_model(model, to_file="model.png", show_shapes=True)
print(model.count_params())

if __name__ == "__main__":
    model.save("untrained.keras")
