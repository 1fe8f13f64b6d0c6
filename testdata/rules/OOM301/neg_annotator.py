import torch
from controlnet_aux import HEDdetector
from diffusers import ControlNetModel, StableDiffusionControlNetPipeline
from PIL import Image

hed = HEDdetector.from_pretrained("lllyasviel/Annotators")
controlnet = ControlNetModel.from_pretrained("lllyasviel/sd-controlnet-hed", torch_dtype=torch.float16)
pipe = StableDiffusionControlNetPipeline.from_pretrained("runwayml/stable-diffusion-v1-5", controlnet=controlnet)

edges = hed(Image.open("input.png"), detect_resolution=512, image_resolution=512)
image = pipe("a house", image=edges).images[0]
image.save("out.png")
