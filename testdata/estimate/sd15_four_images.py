"""Four SD 1.5 images per prompt at 512x512 in float16: the working set grows with the images."""
import torch
from diffusers import StableDiffusionPipeline

NUM_IMAGES = 4
pipe = StableDiffusionPipeline.from_pretrained("runwayml/stable-diffusion-v1-5", torch_dtype=torch.float16)
pipe.to("cuda")
images = pipe("a watercolour fox", num_images_per_prompt=NUM_IMAGES).images
