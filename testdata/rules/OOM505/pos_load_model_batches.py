import numpy as np
import tensorflow as tf

model = tf.keras.models.load_model("classifier.keras")
scores = []
for batch in np.array_split(images, 100):
    # error: OOM505 "runs on every iteration"
    scores.append(model.predict(batch))
