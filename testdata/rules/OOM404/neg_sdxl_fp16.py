# oomlint-config: gpu-memory = "12GiB"
import torch
from diffusers import StableDiffusionXLPipeline

pipe = StableDiffusionXLPipeline.from_pretrained("stabilityai/stable-diffusion-xl-base-1.0",
                                                 torch_dtype=torch.float16, variant="fp16")
pipe.to("cuda")
image = pipe("a lighthouse at dawn").images[0]
