# %%
import torch
from diffusers import DiffusionPipeline

pipeline = DiffusionPipeline.from_pretrained("Qwen/Qwen-Image", dtype=torch.bfloat16, device_map="cuda")

# %%
# each example of a documentation page imports what it uses again: the cells stand alone
import torch
from diffusers import QwenImagePipeline

pipeline = QwenImagePipeline.from_pretrained("Qwen/Qwen-Image", dtype=torch.bfloat16, device_map="cuda")
