import os

# error: OOM507
import tensorflow as tf

os.environ["TF_CPP_MIN_LOG_LEVEL"] = "2"
base = tf.keras.applications.ResNet50(include_top=False, weights="imagenet")
base.trainable = False
