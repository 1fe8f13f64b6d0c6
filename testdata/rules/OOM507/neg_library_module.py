import tensorflow as tf


def build_model(num_classes):
    model = tf.keras.Sequential([tf.keras.layers.Dense(num_classes)])
    model.compile(optimizer="adam", loss="sparse_categorical_crossentropy")
    return model


class Trainer:
    def fit(self, model, dataset):
        return model.fit(dataset, epochs=1)
