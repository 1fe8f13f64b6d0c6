# A backbone definition module: importing it is its use. Its __main__ block is a self-test run by
# hand (build the model, print a summary, predict one example), not a GPU program.
import numpy as np
import tensorflow as tf
from tensorflow.keras.layers import Conv2D, Dense, GlobalAveragePooling2D, Input
from tensorflow.keras.models import Model


def TinyNet(include_top=True, input_shape=(224, 224, 3), classes=1000):
    inputs = Input(shape=input_shape)
    x = Conv2D(32, 3, strides=2, activation="relu")(inputs)
    x = GlobalAveragePooling2D()(x)
    if include_top:
        x = Dense(classes, activation="softmax")(x)
    return Model(inputs, x, name="tinynet")


if __name__ == "__main__":
    model = TinyNet(include_top=True, input_shape=(224, 224, 3))
    model.summary()
    x = np.random.rand(1, 224, 224, 3).astype("float32")
    preds = model.predict(x)
    print("Predicted:", preds.argmax())
