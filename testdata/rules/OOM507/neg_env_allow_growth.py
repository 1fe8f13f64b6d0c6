import os

os.environ["TF_FORCE_GPU_ALLOW_GROWTH"] = "true"

import tensorflow as tf

model = tf.keras.models.load_model("model.keras")
model.evaluate(test_ds)
