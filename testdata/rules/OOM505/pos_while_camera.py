import cv2
from keras.models import load_model

detector = load_model("mask_detector.h5")
cap = cv2.VideoCapture(0)
while True:
    ok, frame = cap.read()
    if not ok:
        break
    face = cv2.resize(frame, (224, 224)) / 255.0
    # error: OOM505 "`detector.predict(face[None])`"
    (mask, without) = detector.predict(face[None])[0]
    cv2.imshow("frame", frame)
