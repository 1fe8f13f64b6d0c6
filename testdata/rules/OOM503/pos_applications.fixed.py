from tensorflow.keras.applications import MobileNetV2, ResNet50
import tensorflow as tf

for arch in [ResNet50, MobileNetV2]:
    tf.keras.backend.clear_session()
    # error: OOM503 "ResNet50(...)"
    base = ResNet50(weights=None) if arch is ResNet50 else MobileNetV2(weights=None)
    print(base.count_params())
