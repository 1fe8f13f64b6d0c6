import tensorflow as tf

model = tf.keras.models.load_model("unet.keras")


def show_predictions(dataset, num=1):
    for image, mask in dataset.take(num):
        display(image[0], mask[0], model.predict(image))


for test_images, test_labels in test_dataset.take(1):
    predictions = model.predict(test_images)
