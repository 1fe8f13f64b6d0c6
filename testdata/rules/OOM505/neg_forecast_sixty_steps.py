# Sixty one-step forecasts, each fed back into the history: a hundred calls or fewer leave a few
# small pipelines, not a growing heap.
import numpy as np
from tensorflow import keras

rnn = keras.models.load_model("rnn.keras")
history = np.zeros((1, 12, 1))
preds = []
for i in range(60):
    p = rnn.predict(history, verbose=0).reshape(1, -1, 1)
    history = np.concatenate((history[:, 1:, :], p), axis=1)
    preds.append(float(p[0, 0, 0]))
