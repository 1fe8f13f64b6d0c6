import keras

for units in [32, 64]:
    keras.utils.clear_session(free_memory=True)
    model = keras.Sequential([keras.layers.Dense(units)])
    model.fit(x, y)
