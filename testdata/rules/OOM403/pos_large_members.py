import torch
from transformers import AutoModelForMaskGeneration, ImageGPTModel, PerceiverForMaskedLM

device = torch.device("cuda" if torch.cuda.is_available() else "cpu")
# the larger members of these families are not small: SAM ViT-H has 641M parameters, ImageGPT-large 1.4B
# error: OOM403
sam = AutoModelForMaskGeneration.from_pretrained("facebook/sam-vit-huge").to(device)
# error: OOM403
igpt = ImageGPTModel.from_pretrained("openai/imagegpt-large").to(device)
# the language Perceiver (201M) is not one of the small vision Perceivers
# error: OOM403
lm = PerceiverForMaskedLM.from_pretrained("deepmind/language-perceiver").to(device)
