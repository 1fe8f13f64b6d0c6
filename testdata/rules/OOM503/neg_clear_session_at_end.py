from tensorflow import keras
from tensorflow.keras import backend as K

for units in [32, 64]:
    model = keras.Sequential([keras.layers.Dense(units)])
    model.fit(x, y)
    del model
    K.clear_session()
