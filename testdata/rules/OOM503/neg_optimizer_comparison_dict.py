# One run per optimizer of a literal dict: seven small LeNets.
import tensorflow as tf
from tensorflow.keras import optimizers


def lenet(name):
    return tf.keras.Sequential([tf.keras.layers.Conv2D(6, 5), tf.keras.layers.Flatten(), tf.keras.layers.Dense(10)],
                               name=name)


optimizers_examples = {
    "sgd": optimizers.SGD(),
    "momentum": optimizers.SGD(momentum=0.9),
    "nag": optimizers.SGD(momentum=0.9, nesterov=True),
    "adagrad": optimizers.Adagrad(),
    "adadelta": optimizers.Adadelta(),
    "rmsprop": optimizers.RMSprop(),
    "adam": optimizers.Adam(),
}
history = {}
for optimizer_name in optimizers_examples:
    model = lenet("lenet_" + optimizer_name)
    model.compile(optimizer=optimizers_examples[optimizer_name], loss="sparse_categorical_crossentropy")
    history[optimizer_name] = model.fit(x_train, y_train, epochs=20, verbose=0)
