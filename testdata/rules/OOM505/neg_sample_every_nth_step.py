# A GAN trained with train_on_batch plots a sample every few hundred steps: predict runs a bounded
# number of times (steps / interval), not once per pass.
import numpy as np
import tensorflow as tf

generator = tf.keras.Sequential([tf.keras.layers.Dense(784, activation="tanh")])
discriminator = tf.keras.Sequential([tf.keras.layers.Dense(1)])
gan = tf.keras.Sequential([generator, discriminator])
gan.compile("adam", "binary_crossentropy")


def train(batches, steps, sample_interval=200):
    noise_fixed = np.random.normal(size=(16, 100))
    for step in range(steps):
        real = next(batches)
        gan.train_on_batch(np.random.normal(size=(len(real), 100)), np.ones((len(real), 1)))
        if step % sample_interval == 0:
            show(generator.predict(noise_fixed), step)
        if not step % 1000:
            save(generator.predict(noise_fixed))


train(iter(load_batches()), 20000)
