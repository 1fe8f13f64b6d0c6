import tensorflow as tf
from mylib.models import Model, Sequential

for cfg in configs:
    m = Model(cfg)
    s = Sequential(cfg.layers)
    print(tf.constant(1), m, s)
