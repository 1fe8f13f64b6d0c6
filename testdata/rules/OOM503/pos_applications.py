from tensorflow.keras.applications import MobileNetV2, ResNet50

for arch in [ResNet50, MobileNetV2]:
    # error: OOM503 "ResNet50(...)"
    base = ResNet50(weights=None) if arch is ResNet50 else MobileNetV2(weights=None)
    print(base.count_params())
