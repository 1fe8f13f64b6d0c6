import tensorflow as tf

step = 0
while step < 10000:
    # error: OOM506 "define the function once, before the loop"
    @tf.function(jit_compile=True)
    def forward(x):
        return model(x, training=False)

    out = forward(next(batches))
    step += 1
