# oomlint-config: gpu-memory = "8GiB"
import torch
from diffusers import StableDiffusionXLPipeline

# error: OOM404 "load in float16"
pipe = StableDiffusionXLPipeline.from_pretrained("stabilityai/stable-diffusion-xl-base-1.0")
pipe.to("cuda")
image = pipe("an astronaut riding a horse on the moon").images[0]
