import argparse

# error: OOM507 "runs a model on the GPU (line 9)"
import tensorflow as tf


def train(model, dataset, optimizer):
    for x, y in dataset:
        with tf.GradientTape() as tape:
            loss = tf.reduce_mean(tf.keras.losses.mse(y, model(x, training=True)))
        optimizer.apply_gradients(zip(tape.gradient(loss, model.trainable_variables), model.trainable_variables))


if __name__ == "__main__":
    args = argparse.ArgumentParser().parse_args()
    train(build_model(), load_dataset(), tf.keras.optimizers.Adam())
