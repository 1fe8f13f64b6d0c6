# The project's helper turns memory growth on; its name says so (tf_cap_memory, as in
# tensorflow_similarity.utils).
import tensorflow as tf
from mylib.utils import tf_cap_memory

tf_cap_memory()
model = tf.keras.applications.EfficientNetB0(weights=None, classes=10)
model.compile("adam", "sparse_categorical_crossentropy")
model.fit(train_ds, epochs=5)
