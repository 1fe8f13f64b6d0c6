# TF1 graph execution (eager switched off): predict runs through the session's graph, so repeated calls
# build no new input pipeline.
import glob

import numpy as np
import tensorflow.compat.v1 as tf
from tensorflow.compat.v1.keras.models import load_model

tf.disable_eager_execution()

model = load_model("classifier.h5")
for path in sorted(glob.glob("images/*.jpg")):
    x = np.load(path)
    print(path, model.predict(x[None]).argmax())
