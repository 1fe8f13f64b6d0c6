import tensorflow as tf

serving_fns = []
for model in models:
    serving_fns.append(tf.function(model.call))
