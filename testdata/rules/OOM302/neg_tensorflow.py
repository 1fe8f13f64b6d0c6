import tensorflow as tf

outputs = []
with tf.device("/GPU:0"):
    for x in dataset:
        out = model(x, training=False)
        outputs.append(out)
