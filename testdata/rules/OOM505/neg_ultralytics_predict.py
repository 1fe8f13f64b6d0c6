import tensorflow as tf
from ultralytics import YOLO

model = YOLO("yolov8n.pt")
for frame in frames:
    boxes = model.predict(frame)
    tf.print(len(boxes))
