from tensorflow import keras

# a deep ensemble: every member is kept on purpose, so clear_session() would free nothing
ensemble = []
for seed in range(5):
    member = keras.Sequential([keras.layers.Dense(10)])
    member.compile(optimizer="adam", loss="mse")
    member.fit(x_train, y_train, verbose=0)
    ensemble.append(member)
