# The __main__ block runs a pretrained Keras application beside the file's own model: not only a
# self-test of the file's definitions.
import numpy as np
# error: OOM507 "runs a model on the GPU"
import tensorflow as tf
from tensorflow.keras.applications.resnet50 import ResNet50


class MyResNetBlock(tf.keras.layers.Layer):
    def __init__(self, filters):
        super().__init__()
        self.conv = tf.keras.layers.Conv2D(filters, 3, padding="same")

    def call(self, x):
        return tf.nn.relu(self.conv(x) + x)


if __name__ == "__main__":
    reference = ResNet50(weights="imagenet")
    x = np.random.random((1, 224, 224, 3))
    expected = reference.predict(x)
    mine = MyResNetBlock(3)
    print(np.abs(mine(x).numpy().mean() - expected.mean()))
