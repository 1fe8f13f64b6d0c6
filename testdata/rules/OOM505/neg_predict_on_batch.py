from tensorflow import keras

model = keras.models.load_model("classifier.keras")
for batch in batches:
    probs = model.predict_on_batch(batch)
    record(probs)
