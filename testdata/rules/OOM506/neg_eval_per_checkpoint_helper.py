import tensorflow as tf


def perform_evaluation(model, dataset, eval_steps, ckpt):
    accuracy = tf.keras.metrics.Accuracy("eval/accuracy")
    tf.train.Checkpoint(model=model).restore(ckpt).expect_partial()

    def single_step(images, labels):
        accuracy.update_state(labels, tf.argmax(model(images, training=False), -1))

    @tf.function
    def run_single_step(iterator):
        images, labels = next(iterator)
        single_step(images, labels)

    iterator = iter(dataset)
    for _ in range(eval_steps):
        run_single_step(iterator)
    return accuracy.result()


for ckpt in tf.train.checkpoints_iterator(model_dir):
    perform_evaluation(model, eval_ds, 100, ckpt)
