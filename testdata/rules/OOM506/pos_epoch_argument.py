import tensorflow as tf


@tf.function
def train(images, labels, epoch):
    with tf.GradientTape() as tape:
        loss = loss_fn(labels, model(images, training=True))
    grads = tape.gradient(loss, model.trainable_variables)
    optimizer.apply_gradients(zip(grads, model.trainable_variables))
    tf.summary.scalar("loss", loss, step=epoch)


for epoch in range(100):
    for images, labels in train_ds:
        # error: OOM506 "passes the Python number `epoch`"
        train(images, labels, epoch)
