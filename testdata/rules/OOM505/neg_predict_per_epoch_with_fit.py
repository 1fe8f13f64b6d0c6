import tensorflow as tf

model = tf.keras.Sequential([tf.keras.layers.Dense(10)])
model.compile("adam", "mse")
for epoch in range(20):
    model.fit(x_train, y_train, epochs=1)
    val_pred = model.predict(x_val)
    log(epoch, val_pred)
