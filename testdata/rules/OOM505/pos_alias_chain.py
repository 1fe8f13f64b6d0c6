from tensorflow.keras.models import load_model as lm

m = lm("weights.h5")
scorer = m
total = 0.0
for chunk in chunks:
    # error: OOM505
    total += scorer.predict(chunk).sum()
