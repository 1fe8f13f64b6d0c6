"""SDXL without torch_dtype: diffusers loads it in float32."""
from diffusers import DiffusionPipeline

pipe = DiffusionPipeline.from_pretrained("stabilityai/stable-diffusion-xl-base-1.0")
pipe.to("cuda")
pipe("a bowl of fruit")
