import tensorflow as tf


@tf.function
def evaluate(x, split):
    return model(x, training=False)


for split in ["train", "validation", "test", "holdout"]:
    for x in datasets[split]:
        evaluate(x, split)
