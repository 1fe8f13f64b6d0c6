# The modulo guards only the logging; predict runs on every pass of the loop.
import numpy as np
import tensorflow as tf

model = tf.keras.models.load_model("generator.keras")
for step in range(5000):
    # error: OOM505
    frame = model.predict(np.random.normal(size=(1, 100)))
    if step % 100 == 0:
        print(step, frame.mean())
