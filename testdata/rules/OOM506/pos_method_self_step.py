import tensorflow as tf


class Trainer:
    def __init__(self, model, optimizer):
        self.model = model
        self.optimizer = optimizer

    @tf.function
    def train_step(self, x, step):
        with tf.GradientTape() as tape:
            loss = tf.reduce_mean(self.model(x, training=True))
        grads = tape.gradient(loss, self.model.trainable_variables)
        self.optimizer.apply_gradients(zip(grads, self.model.trainable_variables))
        return loss

    def fit(self, dataset, steps):
        for i in range(steps):
            x = next(dataset)
            # error: OOM506 "passes the Python number `i`"
            self.train_step(x, i)
