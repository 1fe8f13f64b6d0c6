import tensorflow as tf


def test_function_matches_eager():
    for n in range(10):
        @tf.function
        def square(x):
            return x * x

        assert float(square(tf.constant(n))) == n * n
