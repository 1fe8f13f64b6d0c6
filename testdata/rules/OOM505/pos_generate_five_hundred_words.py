# Five hundred generation steps, one predict call each: the per-call pipelines add up.
import numpy as np
from tensorflow import keras

infer_model = keras.models.load_model("lm.keras")
x = np.array([[1]])
state = np.zeros((1, 1024))
words = []
for _ in range(500):
    # error: OOM505 "predict"
    out, state = infer_model.predict([x, state], verbose=0)
    x = np.array([[int(np.argmax(out[0]))]])
    words.append(int(x[0, 0]))
