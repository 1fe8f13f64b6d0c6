import tensorflow as tf

for images, labels in dataset:
    # error: OOM506 "`tf.function(...)` is called inside the loop"
    step_fn = tf.function(train_step)
    step_fn(images, labels)
