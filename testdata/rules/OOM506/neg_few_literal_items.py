import tensorflow as tf

for learning_rate in [1e-2, 1e-3, 1e-4]:
    optimizer = tf.keras.optimizers.SGD(learning_rate)

    @tf.function
    def train_step(x, y):
        with tf.GradientTape() as tape:
            loss = tf.reduce_mean(tf.square(model(x) - y))
        optimizer.apply_gradients(zip(tape.gradient(loss, model.trainable_variables), model.trainable_variables))

    for x, y in dataset:
        train_step(x, y)
