import tensorflow as tf


@tf.function
def train_step(input_image, target, step):
    gen_loss = generator_loss(generator(input_image, training=True), target)
    with summary_writer.as_default():
        tf.summary.scalar("gen_loss", gen_loss, step=step // 1000)


for step, (input_image, target) in train_ds.repeat().take(40000).enumerate():
    train_step(input_image, target, step)
