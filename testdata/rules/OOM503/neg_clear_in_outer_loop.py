import keras

for lr in [1e-3, 1e-4]:
    keras.backend.clear_session()
    for batch_size in [32, 64]:
        model = keras.Sequential([keras.layers.Dense(1)])
        model.compile(optimizer=keras.optimizers.Adam(lr), loss="mse")
        model.fit(x, y, batch_size=batch_size)
