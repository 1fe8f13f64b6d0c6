from tensorflow.keras import backend as K
from tensorflow.keras.layers import Dense
from tensorflow.keras.models import Sequential

for fold, (train_idx, val_idx) in enumerate(kfold.split(x)):
    K.clear_session()
    # error: OOM503
    model = Sequential([Dense(64), Dense(1)])
    model.fit(x[train_idx], y[train_idx])
    print(fold, K.get_value(model.optimizer.learning_rate))
