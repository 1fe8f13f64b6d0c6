# Five literal file names, read through a list comprehension: five predictions to show them.
import tensorflow as tf

model = tf.keras.models.load_model("flowers.keras")
filenames = [
    "flowers/daisy/1.jpg",
    "flowers/daisy/2.jpg",
    "flowers/rose/3.jpg",
    "flowers/rose/4.jpg",
    "flowers/tulip/5.jpg",
]
images = [read_image(f) for f in filenames]
for i, img in enumerate(images):
    pred = model.predict(tf.expand_dims(img, 0))
    print(filenames[i], pred.argmax())
