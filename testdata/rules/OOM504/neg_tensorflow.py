import tensorflow as tf


def train(model, dataset):
    for x, y in dataset:
        with tf.GradientTape() as tape:
            loss = model(x)
        grads = tape.gradient(loss, model.trainable_variables)
