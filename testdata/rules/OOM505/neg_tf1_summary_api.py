# Multi-backend Keras on TensorFlow 1: tf.Summary exists only there, so predict runs in the session graph.
import numpy as np
import tensorflow as tf
from keras.layers import Dense
from keras.models import Sequential

generator = Sequential([Dense(256, input_shape=(100,)), Dense(784)])


def log(writer, name, value, step):
    summary = tf.Summary()
    summary.value.add(tag=name, simple_value=value)
    writer.add_summary(summary, step)


for step in range(20000):
    fake = generator.predict(np.random.normal(size=(64, 100)))
