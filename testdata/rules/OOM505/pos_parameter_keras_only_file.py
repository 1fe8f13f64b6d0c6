import numpy as np
import tensorflow as tf


def evaluate(model, images):
    preds = []
    for image in images:
        # error: OOM505 "keeps memory until the loop ends"
        preds.append(model.predict(np.expand_dims(image, 0)))
    return np.concatenate(preds)


if __name__ == "__main__":
    evaluate(tf.keras.models.load_model("m.keras"), np.zeros((10, 32, 32, 3)))
