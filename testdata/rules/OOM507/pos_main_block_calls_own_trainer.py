# The __main__ block only calls functions of this file, but they train and run the model: a program.
import numpy as np
# error: OOM507 "runs a model on the GPU"
import tensorflow as tf


def build_model():
    return tf.keras.Sequential([tf.keras.layers.Dense(256, activation="relu"), tf.keras.layers.Dense(10)])


def train_model(path):
    data = np.load(path)
    model = build_model()
    model.compile(optimizer="adam", loss="sparse_categorical_crossentropy")
    model.fit(data["x"], data["y"], epochs=5)
    return model


if __name__ == "__main__":
    model = train_model("train.npz")
    print(model.predict(np.zeros((1, 784))))
