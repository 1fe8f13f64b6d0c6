# A literal bound that is not small still means many predict() calls.
from tensorflow import keras

model = keras.models.load_model("policy.keras")
for step in range(10000):
    # error: OOM505
    action = np.argmax(model.predict(state[None])[0])
    state = env.step(action)

for frame in frames[:5000]:
    # error: OOM505
    boxes = model.predict(frame[None])
