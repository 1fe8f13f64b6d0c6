# error: OOM507
import tensorflow as tf

classifier = tf.estimator.DNNClassifier(hidden_units=[30, 10], feature_columns=columns, n_classes=3)
classifier.train(input_fn=train_input_fn, steps=5000)
