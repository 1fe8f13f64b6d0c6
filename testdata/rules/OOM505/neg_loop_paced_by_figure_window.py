# A script shows each random image's class activation map in a window; plt.show() returns only when
# the person closes it, so the loop runs a handful of times, whatever its header says.
import glob

import matplotlib.pyplot as plt
import numpy as np
from tensorflow.keras.applications.resnet50 import ResNet50, preprocess_input

resnet = ResNet50(weights="imagenet")
files = glob.glob("images/*.jpg")
while True:
    x = preprocess_input(np.load(np.random.choice(files))[None])
    probs = resnet.predict(x)
    plt.imshow(x[0])
    plt.title(str(probs.argmax()))
    plt.show()
