from tensorflow.keras import Input, Model, layers

inputs = Input((32,))
x = inputs
for units in [64, 64, 32]:
    x = layers.Dense(units, activation="relu")(x)
model = Model(inputs, x)
