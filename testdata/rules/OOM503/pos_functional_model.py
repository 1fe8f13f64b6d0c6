from tensorflow import keras

for depth in range(1, 33):
    inputs = keras.Input(shape=(784,))
    x = inputs
    for _ in range(depth):
        x = keras.layers.Dense(256, activation="relu")(x)
    outputs = keras.layers.Dense(10)(x)
    # error: OOM503
    model = keras.Model(inputs, outputs)
    model.fit(x_train, y_train)
