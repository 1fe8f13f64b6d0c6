# The list starts empty but a loop fills it from a folder: its literal length says nothing.
import glob

import numpy as np
from tensorflow import keras

model = keras.models.load_model("classifier.keras")
images = []
for p in glob.glob("data/*.npy"):
    images.append(np.load(p))
for img in images:
    # error: OOM505 "`model.predict(img[None])`"
    print(model.predict(img[None]))
