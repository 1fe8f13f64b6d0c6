from diffusers import StableDiffusionPipeline

# error: OOM403 "torch.float16"
pipe = StableDiffusionPipeline.from_pretrained("stable-diffusion-v1-5/stable-diffusion-v1-5")
pipe = pipe.to("cuda")
image = pipe("an astronaut riding a horse").images[0]
