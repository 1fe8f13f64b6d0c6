# The model comes from builder functions two levels deep; it is trained with fit.
# error: OOM507 "set_memory_growth"
import tensorflow as tf
from tensorflow.keras.layers import Dense, Input
from tensorflow.keras.models import Model


def make(width, depth):
    inputs = Input(shape=(32,))
    x = inputs
    for _ in range(depth):
        x = Dense(width, activation="relu")(x)
    return Model(inputs=inputs, outputs=Dense(10)(x))


def Deep(width):
    return make(width, depth=8)


def Wide():
    return Deep(4096)


if __name__ == "__main__":
    net = Wide()
    net.compile(optimizer="adam", loss="sparse_categorical_crossentropy")
    net.fit(train_ds, epochs=10)
