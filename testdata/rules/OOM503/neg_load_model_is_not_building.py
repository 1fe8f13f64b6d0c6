import tensorflow as tf

for path in paths:
    print(tf.keras.models.load_model(path).evaluate(x, y))
