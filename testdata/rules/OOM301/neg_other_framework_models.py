# TensorFlow/Keras models in a file that also runs torch on the GPU: autograd is not involved.
import keras
import torch
from transformers import TFAutoModelForSequenceClassification

device = "cuda"


def build_classifier():
    return TFAutoModelForSequenceClassification.from_pretrained("bert-base-cased")


def build_keras():
    return keras.Sequential([keras.layers.Dense(2)])


def evaluate(tf_model, keras_model, val_dataset):
    tf_model = build_classifier()
    keras_model = build_keras()
    for batch in val_dataset:
        print(tf_model(batch).logits, keras_model(batch))


def to_gpu(x):
    return torch.as_tensor(x).to(device)
