import tensorflow as tf

for seed in range(100):
    tf.keras.backend.clear_session()
    tf.random.set_seed(seed)
    # error: OOM503
    net = tf.keras.models.Sequential([tf.keras.layers.Dense(8)])
    net.fit(x, y)
tf.keras.backend.clear_session()
