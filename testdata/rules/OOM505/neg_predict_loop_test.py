import numpy as np
import tensorflow as tf


def test_predictions_are_probabilities():
    model = tf.keras.Sequential([tf.keras.layers.Dense(3, activation="softmax")])
    for x in np.random.rand(5, 1, 4):
        assert np.allclose(model.predict(x).sum(), 1.0)
