"""FLUX.1 [schnell] in bfloat16, everything on the GPU."""
import torch
from diffusers import FluxPipeline

pipe = FluxPipeline.from_pretrained("black-forest-labs/FLUX.1-schnell", torch_dtype=torch.bfloat16).to("cuda")
image = pipe("a mountain lake", num_inference_steps=4).images[0]
