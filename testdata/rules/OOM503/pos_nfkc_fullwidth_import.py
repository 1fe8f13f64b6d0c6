# the module name is spelt with fullwidth letters, which Python reads in NFKC form (tensorflow)
import ｔｅｎｓｏｒｆｌｏｗ as tf

for units in range(16, 1024, 16):
    # error: OOM503 "clear_session"
    model = tf.keras.Sequential([tf.keras.layers.Dense(units, activation="relu"), tf.keras.layers.Dense(10)])
    model.fit(x_train, y_train, epochs=5)
