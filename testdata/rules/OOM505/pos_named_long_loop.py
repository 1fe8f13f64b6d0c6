import random

from tensorflow import keras

model = keras.models.load_model("sentiment.keras")

num_samples = 5000
for i in range(num_samples):
    # error: OOM505 "predict"
    scores.append(model.predict(batches[i]))

picked = random.sample(test_sentences, 1000)
for sentence in picked:
    # error: OOM505 "predict"
    print(model.predict([sentence]))
