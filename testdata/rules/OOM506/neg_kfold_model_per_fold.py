import tensorflow as tf

for fold, (train_idx, val_idx) in enumerate(kfold.split(x_all)):
    model = build_model()
    optimizer = tf.keras.optimizers.Adam(1e-3)

    @tf.function
    def train_step(x, y):
        with tf.GradientTape() as tape:
            loss = tf.reduce_mean(tf.keras.losses.mse(y, model(x, training=True)))
        optimizer.apply_gradients(zip(tape.gradient(loss, model.trainable_variables), model.trainable_variables))
        return loss

    for x, y in make_dataset(train_idx):
        train_step(x, y)
