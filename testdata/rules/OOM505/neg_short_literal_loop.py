import tensorflow as tf

model = tf.keras.models.load_model("classifier.keras")
for split in (x_val, x_test):
    report(model.predict(split))
