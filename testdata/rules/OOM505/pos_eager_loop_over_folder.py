# Eager TensorFlow 2 (no graph-mode switch, no prompt): one predict per image of a folder.
import glob

import numpy as np
from tensorflow import keras

model = keras.models.load_model("classifier.keras")
for path in sorted(glob.glob("images/*.npy")):
    x = np.load(path)
    # error: OOM505 "predict"
    print(path, model.predict(x[None]).argmax())
