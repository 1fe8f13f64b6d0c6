import tensorflow as tf


@tf.function
def train_step(x, y, step):
    with tf.GradientTape() as tape:
        loss = loss_fn(y, model(x, training=True))
    optimizer.apply_gradients(zip(tape.gradient(loss, model.trainable_variables), model.trainable_variables))
    return loss


for step, (x, y) in enumerate(train_ds):
    # error: OOM506 "passes the Python number `step`"
    train_step(x, y, step)
