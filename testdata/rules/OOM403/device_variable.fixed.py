import torch
from transformers import CLIPModel

device = torch.device("cuda" if torch.cuda.is_available() else "cpu")
clip = CLIPModel.from_pretrained("openai/clip-vit-large-patch14", torch_dtype="auto")  # error: [OOM403]
clip = clip.to(device)
