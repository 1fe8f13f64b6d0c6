# Learning curves for eight batch sizes, indexed through range(len(...)) of a literal list.
import tensorflow as tf


def fit_model(x, y, batch_size):
    model = tf.keras.Sequential([tf.keras.layers.Dense(50, activation="relu"), tf.keras.layers.Dense(3)])
    model.compile(optimizer="sgd", loss="categorical_crossentropy")
    return model.fit(x, y, batch_size=batch_size, epochs=200, verbose=0)


batch_sizes = [4, 8, 16, 32, 64, 128, 256, 450]
for i in range(len(batch_sizes)):
    fit_model(x_train, y_train, batch_sizes[i])
