import keras

members = [keras.Sequential([keras.layers.Dense(1)]) for _ in range(5)]
