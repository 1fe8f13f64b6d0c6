# Loops whose headers bound them to a handful of passes: showing a few predictions, or a short
# integrated-gradients path. A few predict() calls cost a few small pipelines, nothing that grows.
import numpy as np
from tensorflow import keras

model = keras.models.load_model("sentiment.keras")

for text in test_texts[:10]:
    print(text, model.predict(encode([text]))[0])

for i, sample in enumerate(samples[:5]):
    show(i, model.predict(sample[None]))

path = []
for alpha in range(20):
    path.append(model.predict(baseline + alpha / 20 * (image - baseline)))

for a, b in zip(range(3), pairs):
    print(a, model.predict(b))
