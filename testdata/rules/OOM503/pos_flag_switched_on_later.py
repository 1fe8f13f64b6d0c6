import tensorflow as tf

show_progress = False
if args.verbose:
    show_progress = True

if show_progress:
    for checkpoint in checkpoints:
        # error: OOM503
        model = tf.keras.Sequential([tf.keras.layers.Dense(10)])
        model.load_weights(checkpoint)
        model.evaluate(x_test, y_test)
