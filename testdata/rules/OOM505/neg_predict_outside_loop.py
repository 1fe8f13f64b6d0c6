import tensorflow as tf

model = tf.keras.models.load_model("classifier.keras")
probs = model.predict(x_test, batch_size=256)
for p in probs:
    print(p.argmax())
