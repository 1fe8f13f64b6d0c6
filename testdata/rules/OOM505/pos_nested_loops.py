import keras

model = keras.saving.load_model("seg.keras")
for video in videos:
    for frame in video:
        # error: OOM505 "of the loop at line 5"
        mask = model.predict(frame[None])
        save(mask)
