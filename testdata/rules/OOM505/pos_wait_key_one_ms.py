import cv2
from tensorflow import keras

model = keras.models.load_model("detector.keras")
cap = cv2.VideoCapture("traffic.mp4")
while cap.isOpened():
    ok, frame = cap.read()
    if not ok:
        break
    # waitKey(1) does not wait for a person: it only lets the window draw, every frame is predicted.
    # error: OOM505 "`model.predict(frame[None] / 255.0)`"
    boxes = model.predict(frame[None] / 255.0)
    cv2.imshow("frame", frame)
    if cv2.waitKey(1) & 0xFF == ord("q"):
        break
