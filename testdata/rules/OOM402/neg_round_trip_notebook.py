import torch
from pathlib import Path

# a tutorial notebook: train, save, then reload in a later cell of the same process
device = "cuda" if torch.cuda.is_available() else "cpu"
model_0 = LinearRegressionModel().to(device)
train(model_0)

MODEL_PATH = Path("models")
MODEL_SAVE_PATH = MODEL_PATH / "01_model_0.pth"
torch.save(obj=model_0.state_dict(), f=MODEL_SAVE_PATH)

loaded_model_0 = LinearRegressionModel()
loaded_model_0.load_state_dict(torch.load(f=MODEL_SAVE_PATH))

# saved through a helper, given the directory; reloaded by its full path
save_model(model=model_0, target_dir="models", model_name="07_effnetb2_10_epochs.pth")
best_model_path = "models/07_effnetb2_10_epochs.pth"
best_model = LinearRegressionModel()
best_model.load_state_dict(torch.load(best_model_path))
