# The script builds a model and hands it to a training helper of the project.
# error: OOM507 "set_memory_growth"
import tensorflow as tf
from training import train

model = tf.keras.Sequential([tf.keras.layers.Dense(64, activation="relu"), tf.keras.layers.Dense(1)])
model.summary()
train(model, epochs=10)
