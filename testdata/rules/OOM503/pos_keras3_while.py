import keras

trial = 0
while trial < max_trials:
    # error: OOM503
    model = keras.Sequential([keras.layers.Dense(sample_units()), keras.layers.Dense(1)])
    model.compile(loss="mse")
    history = model.fit(x, y, verbose=0)
    trial += 1
