import sys

# error: OOM507
import tensorflow as tf

loaded = tf.saved_model.load(sys.argv[1])
infer = loaded.signatures["serving_default"]
print(infer(tf.constant([[1.0, 2.0]])))
