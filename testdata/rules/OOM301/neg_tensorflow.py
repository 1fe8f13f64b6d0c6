import tensorflow as tf

model = tf.keras.Sequential([tf.keras.layers.Dense(10)])
model.load_weights("weights.h5")


def evaluate(dataset):
    accuracy = tf.keras.metrics.SparseCategoricalAccuracy()
    for x, y in dataset:
        accuracy.update_state(y, model(x, training=False))
    return accuracy.result()


if __name__ == "__main__":
    print(evaluate(tf.data.Dataset.from_tensor_slices(([[0.0] * 4], [0])).batch(1)))
