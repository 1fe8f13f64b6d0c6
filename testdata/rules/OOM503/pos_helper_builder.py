from tensorflow import keras


def build_model(hp):
    model = keras.Sequential()
    model.add(keras.layers.Dense(hp["units"], activation="relu"))
    model.add(keras.layers.Dense(1))
    model.compile(optimizer=keras.optimizers.Adam(hp["lr"]), loss="mse")
    return model


scores = []
for hp in grid:
    # error: OOM503 "build_model(...)"
    m = build_model(hp)
    scores.append(m.fit(x, y).history["loss"][-1])
