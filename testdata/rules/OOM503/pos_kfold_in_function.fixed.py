import tensorflow as tf
from tensorflow.keras import Sequential, layers


def cross_validate(folds):
    scores = []
    for train, val in folds:
        tf.keras.backend.clear_session()
        # error: OOM503
        model = Sequential([layers.Dense(32), layers.Dense(1)])
        model.compile(loss="mse")
        scores.append(model.fit(*train, validation_data=val).history["val_loss"][-1])
    return scores
