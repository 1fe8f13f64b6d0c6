import tensorflow as tf


class Rules:
    def predict(self, x):
        return x > 0.5


model = Rules()
for x in values:
    print(model.predict(x))
