import torch

device = "cuda" if torch.cuda.is_available() else "cpu"
model = Classifier().to(device)
# error: OOM406
checkpoint = torch.load(args.checkpoint, map_location=device)
if "model_state" in checkpoint:
    model.load_state_dict(checkpoint["model_state"])
