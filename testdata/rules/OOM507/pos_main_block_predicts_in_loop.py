import glob

import numpy as np
# error: OOM507 "runs a model on the GPU (line 14)"
import tensorflow as tf
from tensorflow.keras.layers import Conv2D, Dense, GlobalAveragePooling2D, Input
from tensorflow.keras.models import Model


def build_classifier(classes=10):
    inputs = Input(shape=(224, 224, 3))
    x = Conv2D(64, 3, activation="relu")(inputs)
    x = GlobalAveragePooling2D()(x)
    return Model(inputs, Dense(classes, activation="softmax")(x))


if __name__ == "__main__":
    model = build_classifier()
    model.load_weights("classifier.h5")
    for path in sorted(glob.glob("images/*.npy")):
        print(path, model.predict(np.load(path)[None]).argmax())
