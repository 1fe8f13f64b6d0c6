import tensorflow as tf

model = tf.keras.models.load_model("classifier.keras")
ds = tf.data.Dataset.from_tensor_slices(images).batch(64)
preds = model.predict(ds)
for name, pred in zip(names, preds):
    write(name, pred)
