# error: OOM507
import tensorflow as tf
import tensorflow_hub as hub

encoder = hub.KerasLayer("https://tfhub.dev/google/universal-sentence-encoder/4")
embeddings = encoder(["hello world"])
