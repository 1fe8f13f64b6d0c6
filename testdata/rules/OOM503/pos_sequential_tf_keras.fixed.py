import tensorflow as tf

for units in range(16, 1024, 16):
    tf.keras.backend.clear_session()
    # error: OOM503 "clear_session"
    model = tf.keras.Sequential([tf.keras.layers.Dense(units, activation="relu"), tf.keras.layers.Dense(10)])
    model.compile(optimizer="adam", loss="sparse_categorical_crossentropy")
    model.fit(x_train, y_train, epochs=5)
