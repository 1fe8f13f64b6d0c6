from tensorflow import keras


def build_model(units):
    inputs = keras.Input(shape=(20,))
    x = keras.layers.Dense(units, activation="relu")(inputs)
    return keras.Model(inputs, keras.layers.Dense(1)(x))


net = build_model(32)
net.compile("adam", "mse")
net.fit(x_train, y_train)
outputs = []
for i in range(len(x_test)):
    # error: OOM505
    outputs.append(net.predict(x_test[i : i + 1]))
