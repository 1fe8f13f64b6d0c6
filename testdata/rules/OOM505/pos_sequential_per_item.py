from tensorflow import keras

model = keras.Sequential([keras.layers.Dense(64, activation="relu"), keras.layers.Dense(10)])
model.compile(optimizer="adam", loss="sparse_categorical_crossentropy")
model.fit(x_train, y_train, epochs=5)

labels = []
for x in x_test:
    # error: OOM505 "predict once on the whole dataset"
    labels.append(model.predict(x[None, ...]).argmax())
