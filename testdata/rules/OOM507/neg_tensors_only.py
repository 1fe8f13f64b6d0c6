import tensorflow as tf

x = tf.constant([1.0, 2.0, 3.0])
print(tf.reduce_sum(x))
ds = tf.data.Dataset.from_tensor_slices(x).batch(2)
