import tensorflow as tf

for path in model_paths:
    # error: OOM401
    m = tf.keras.models.load_model(path)
    print(path, m.evaluate(x_test, y_test))
