import jax
import tensorflow as tf
from functools import lru_cache


def function(f):
    return f


@function
def scale(x, i):
    return x * i


@jax.jit
def jax_step(x, i):
    return x + i


for i in range(1000):
    @lru_cache
    def cached(k):
        return k * 2

    scale(tf.ones([3]), i)
    jax_step(x, i)
