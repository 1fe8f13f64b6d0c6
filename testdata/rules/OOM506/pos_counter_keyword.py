import tensorflow as tf


@tf.function
def log_step(writer, loss, global_step):
    with writer.as_default():
        tf.summary.scalar("loss", loss, step=global_step)


global_step = 0
for batch in dataset:
    loss = train_on(batch)
    global_step += 1
    # error: OOM506 "passes the Python number `global_step`"
    log_step(writer, loss, global_step=global_step)
