import tensorflow as tf

encoder = tf.keras.models.load_model("enc.keras")
decoder = tf.keras.models.load_model("dec.keras")
for x in samples:
    # error: OOM505 "`encoder.predict(x)`"
    z = encoder.predict(x)
    # error: OOM505 "`decoder.predict(z)`"
    out = decoder.predict(z)
