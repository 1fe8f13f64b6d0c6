"""FLUX.1 [dev] in bfloat16 with model CPU offload."""
import torch
from diffusers import FluxPipeline

pipe = FluxPipeline.from_pretrained("black-forest-labs/FLUX.1-dev", torch_dtype=torch.bfloat16)
pipe.enable_model_cpu_offload()
image = pipe("a cat holding a sign", height=1024, width=1024, guidance_scale=3.5).images[0]
