import tensorflow as tf

from utils import setup_gpu_memory_growth

setup_gpu_memory_growth()
model = tf.keras.Sequential([tf.keras.layers.Dense(10)])
model.compile(loss="mse")
model.fit(x, y)
