import tensorflow as tf
from sklearn.ensemble import RandomForestClassifier

embedder = tf.keras.models.load_model("embedder.keras")
emb = embedder.predict(x_all)
clf = RandomForestClassifier().fit(emb[:1000], y[:1000])
for row in emb[1000:]:
    print(clf.predict(row[None]))
