import tensorflow as tf

generate = tf.function(lambda z, n: decoder(z)[:n])

for epoch in range(50):
    for i in range(200):
        # error: OOM506 "passes the Python number `int(i * 2)`"
        images = generate(z, int(i * 2))
