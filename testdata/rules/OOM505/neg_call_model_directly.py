import tensorflow as tf

model = tf.keras.models.load_model("classifier.keras")
for batch in batches:
    probs = model(batch, training=False)
    record(probs.numpy())
