import torch
from transformers import CLIPModel

device = torch.device("cuda" if torch.cuda.is_available() else "cpu")
# error: OOM403
clip = CLIPModel.from_pretrained("openai/clip-vit-large-patch14", torch_dtype="auto")
clip = clip.to(device)
