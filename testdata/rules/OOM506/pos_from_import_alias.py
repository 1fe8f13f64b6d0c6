from tensorflow import function as tf_function

for batch in loader:
    # error: OOM506 "`@tf.function` `predict_step`"
    @tf_function
    def predict_step(x):
        return model(x)

    predict_step(batch)
