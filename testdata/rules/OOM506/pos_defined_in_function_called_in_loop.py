import tensorflow as tf


def train_one_step(model, optimizer, x, y):
    # error: OOM506 "is defined inside `train_one_step`, which is called on every iteration"
    @tf.function
    def step(x, y):
        with tf.GradientTape() as tape:
            loss = tf.reduce_mean(tf.square(model(x) - y))
        optimizer.apply_gradients(zip(tape.gradient(loss, model.trainable_variables), model.trainable_variables))
        return loss

    return step(x, y)


for x, y in dataset:
    train_one_step(model, optimizer, x, y)
