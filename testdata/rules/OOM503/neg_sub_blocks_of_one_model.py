from tensorflow import keras


def parse_model(blocks):
    # each Sequential is a block of the one model returned at the end
    layers = []
    for i, (n, block_cls, args) in enumerate(blocks):
        m_ = keras.Sequential([block_cls(*args) for _ in range(n)]) if n > 1 else block_cls(*args)
        layers.append(m_)
    return keras.Sequential(layers)


def stem(x, widths):
    for w in widths:
        x = keras.Sequential([keras.layers.Conv2D(w, 3), keras.layers.ReLU()])(x)
    return x


backbone = keras.Sequential()
for w in [32, 64]:
    backbone.add(keras.Sequential([keras.layers.Dense(w), keras.layers.ReLU()]))
