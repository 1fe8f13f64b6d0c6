# One prediction per file name a person types: the loop runs as often as someone types.
import numpy as np
from tensorflow import keras

model = keras.models.load_model("classifier.keras")
while True:
    img_file = input("Input image filename:")
    try:
        x = np.load(img_file)
    except OSError:
        print("Open Error! Try again!")
        continue
    print(model.predict(x[None]).argmax())
