import tensorflow as tf

model = tf.keras.models.load_model("unet.keras")
for image, mask in dataset.take(500):
    # error: OOM505
    save(model.predict(image))
