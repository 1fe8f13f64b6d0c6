# error: OOM507
import tensorflow as tf

print("GPUs:", tf.config.list_physical_devices("GPU"))
model = tf.keras.Sequential([tf.keras.layers.Dense(1)])
model.compile(loss="mse")
model.fit(x, y)
