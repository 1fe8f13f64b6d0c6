# A notebook cell predicts each image the user uploads by hand (Colab's files.upload()): a handful.
import numpy as np
from google.colab import files
from tensorflow import keras

model = keras.models.load_model("horse_or_human.keras")
uploaded = files.upload()
for fn in uploaded.keys():
    x = np.expand_dims(keras.utils.img_to_array(keras.utils.load_img(fn, target_size=(300, 300))), 0)
    print(fn, model.predict(x)[0])
