# Each pass waits for a key press in the image window (cv2.waitKey(0)).
import glob

import cv2
from tensorflow import keras

model = keras.models.load_model("segmenter.keras")
for path in glob.glob("scans/*.png"):
    img = cv2.imread(path)
    mask = model.predict(img[None] / 255.0)[0]
    cv2.imshow("mask", mask)
    cv2.waitKey(0)
