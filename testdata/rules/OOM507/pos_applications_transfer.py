import os

# error: OOM507
import tensorflow as tf

os.environ["TF_CPP_MIN_LOG_LEVEL"] = "2"
base = tf.keras.applications.ResNet50(include_top=False, weights="imagenet")
base.trainable = False
model = tf.keras.Sequential([base, tf.keras.layers.GlobalAveragePooling2D(), tf.keras.layers.Dense(5)])
model.compile(optimizer="adam", loss="sparse_categorical_crossentropy")
model.fit(train_ds, epochs=3)
