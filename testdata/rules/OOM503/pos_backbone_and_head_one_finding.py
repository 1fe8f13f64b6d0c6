# Transfer learning on several backbones' settings: the loop builds a backbone and wraps it in a
# new Model. One loop, one finding (one clear_session at the top of the body fixes both builds).
import tensorflow as tf

for lr in [1e-2, 1e-3, 1e-4, 1e-5]:
    # error: OOM503 "ResNet50(...)"
    base = tf.keras.applications.ResNet50(include_top=False, weights="imagenet", input_shape=(224, 224, 3))
    x = tf.keras.layers.GlobalAveragePooling2D()(base.output)
    model = tf.keras.Model(inputs=base.input, outputs=tf.keras.layers.Dense(10)(x))
    model.compile(tf.keras.optimizers.Adam(lr), "sparse_categorical_crossentropy")
    model.fit(train_ds, epochs=2)
