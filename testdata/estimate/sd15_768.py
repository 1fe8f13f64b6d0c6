"""Stable Diffusion 1.5 at 768x768 in float16 (the guide's SD 1.5 rows)."""
import torch
from diffusers import StableDiffusionPipeline

pipe = StableDiffusionPipeline.from_pretrained("stable-diffusion-v1-5/stable-diffusion-v1-5", torch_dtype=torch.float16)
pipe = pipe.to("cuda")
image = pipe("a lighthouse at dusk", height=768, width=768).images[0]
