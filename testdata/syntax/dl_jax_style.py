from functools import partial

import jax
import jax.numpy as jnp


@partial(jax.jit, static_argnums=(2,))
def loss_fn(params, batch, training: bool):
    logits = model.apply({"params": params}, batch["x"], train=training)
    return -jnp.mean(jnp.sum(jax.nn.log_softmax(logits) * batch["y"], axis=-1))


grad_fn = jax.value_and_grad(loss_fn)
update = jax.tree_util.tree_map(lambda p, g: p - 1e-3 * g, params, grads)
keys = jax.random.split(jax.random.PRNGKey(0), num=4)
batched = jax.vmap(lambda x: x @ W + b, in_axes=0)
