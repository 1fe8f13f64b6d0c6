import tensorflow as tf


def train_and_eval(temperature, steps):
    model = build_model()
    optimizer = tf.keras.optimizers.SGD(0.1)

    @tf.function
    def train_step(x):
        with tf.GradientTape() as tape:
            loss = contrastive_loss(model(x, training=True), temperature)
        optimizer.apply_gradients(zip(tape.gradient(loss, model.trainable_variables), model.trainable_variables))

    for _ in range(steps):
        train_step(next(batches))
    return model


for temperature in [0.05, 0.1, 0.2, 0.5, 1.0]:
    train_and_eval(temperature, 1000)
