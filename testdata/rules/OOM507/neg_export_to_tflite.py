# An export script: the trained model is loaded only to convert it; nothing runs on data.
import tensorflow as tf

model = tf.keras.models.load_model("malaria_model.h5")
converter = tf.lite.TFLiteConverter.from_keras_model(model)
tflite_model = converter.convert()
with open("malaria_model.tflite", "wb") as f:
    f.write(tflite_model)
