# A model per fold of a 5-fold cross-validation.
from sklearn.model_selection import KFold
from tensorflow.keras.layers import Dense, Dropout
from tensorflow.keras.models import Sequential

cv = KFold(n_splits=5, shuffle=True, random_state=42)
for train, test in cv.split(X, y):
    model = Sequential()
    model.add(Dense(16, input_dim=30, activation="relu"))
    model.add(Dropout(0.2))
    model.add(Dense(1, activation="sigmoid"))
    model.compile(loss="binary_crossentropy", optimizer="adam")
    model.fit(X[train], y[train], epochs=50)
