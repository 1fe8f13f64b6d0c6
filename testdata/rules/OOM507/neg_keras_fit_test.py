import tensorflow as tf


def test_fit_reduces_loss():
    model = tf.keras.Sequential([tf.keras.layers.Dense(1)])
    model.compile(loss="mse")
    history = model.fit(tf.ones([8, 2]), tf.ones([8, 1]), epochs=2, verbose=0)
    assert history.history["loss"][-1] <= history.history["loss"][0]


test_fit_reduces_loss()
