import torch
from diffusers import StableDiffusionPipeline

while True:
    job = jobs.get()
    # error: OOM401
    pipe = StableDiffusionPipeline.from_pretrained(job.model, torch_dtype=torch.float16).to("cuda")
    pipe(job.prompt).images[0].save(job.out)
