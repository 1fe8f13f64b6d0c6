import tensorflow as tf

model = tf.keras.Sequential([tf.keras.layers.Dense(1)])
model.compile("sgd", "mse")
for x, y in dataset:
    model.train_on_batch(x, y)
    # error: OOM505
    monitor(model.predict(x_val))
