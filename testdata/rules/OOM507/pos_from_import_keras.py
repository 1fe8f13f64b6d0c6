import numpy as np
# error: OOM507
from tensorflow import keras

model = keras.models.load_model("classifier.keras")
print(model.predict(np.zeros((1, 224, 224, 3))))
