import tensorflow as tf

models = [tf.keras.models.load_model(p) for p in checkpoint_paths]
for m in models:
    scores = m.predict(x_test)
    print(scores.mean())
