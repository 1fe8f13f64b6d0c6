# A loop bounded through a name assigned once: ten random samples to display, or an integrated-gradients
# path of n = 20 steps. A few predict() calls leave a few small pipelines, nothing that grows.
import random

import numpy as np
from tensorflow import keras

model = keras.models.load_model("sentiment.keras")

test_samples = random.sample(test_sentences, 10)
for test_sample in test_samples:
    pred_prob = model.predict([test_sample])
    print(test_sample, pred_prob)

n = 20
grads = []
for i in range(n):
    alpha = 1.0 * i / (n - 1)
    grads.append(model.predict(alpha * values))

for pick in random.choices(test_sentences, k=5):
    print(model.predict([pick]))
