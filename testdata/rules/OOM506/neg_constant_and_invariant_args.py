import tensorflow as tf


@tf.function
def train_step(model, x, y, learning_rate, num_classes):
    with tf.GradientTape() as tape:
        loss = tf.reduce_mean(tf.keras.losses.categorical_crossentropy(tf.one_hot(y, num_classes), model(x)))
    grads = tape.gradient(loss, model.trainable_variables)
    for g, v in zip(grads, model.trainable_variables):
        v.assign_sub(learning_rate * g)
    return loss


num_classes = 10
for epoch in range(3):
    for x, y in train_dataset:
        train_step(model, x, y, 0.01, num_classes)
