from tensorflow.keras.applications import ResNet50
from tensorflow.keras.preprocessing import image

base = ResNet50(weights="imagenet")
features = {}
for path in paths:
    img = image.img_to_array(image.load_img(path, target_size=(224, 224)))
    # error: OOM505
    features[path] = base.predict(img[None])
