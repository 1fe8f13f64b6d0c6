import torch

scripted = torch.jit.load("model.pt", map_location="cpu")
model = torch.hub.load_state_dict_from_url(url, map_location="cpu")
data = torch.utils.data.DataLoader(dataset)
