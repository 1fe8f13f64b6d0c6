import os

os.environ["KERAS_BACKEND"] = "torch"

import keras
import torch


def get_model():
    inputs = keras.Input(shape=(784,))
    outputs = keras.layers.Dense(10)(keras.layers.Dense(64, activation="relu")(inputs))
    return keras.Model(inputs=inputs, outputs=outputs)


model = get_model()
optimizer = keras.optimizers.Adam(learning_rate=1e-3)
loss_fn = keras.losses.CategoricalCrossentropy(from_logits=True)

for epoch in range(3):
    for x, y in train_dataloader:
        logits = model(x)
        loss = loss_fn(y, logits)
        model.zero_grad()
        loss.backward()
        optimizer.apply([v.value.grad for v in model.trainable_weights], model.trainable_weights)
    for x_val, y_val in val_dataloader:
        # error: OOM301 "in a loop over `val_dataloader`"
        val_logits = model(x_val, training=False)
        print(loss_fn(y_val, val_logits))
