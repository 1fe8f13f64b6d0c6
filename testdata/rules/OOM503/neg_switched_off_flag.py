# A tutorial keeps a demo switched off with a module-level flag bound once to False: the loop that
# rebuilds a model per checkpoint never runs, so nothing in it is reported.
import tensorflow as tf

model_improvement_progress = False

if model_improvement_progress:
    for checkpoint in checkpoints:
        model = tf.keras.Sequential([tf.keras.layers.Dense(1)])
        model.load_weights(checkpoint)
        plot(model.predict(x_test))
