import torch
from diffusers import StableDiffusionPipeline
from transformers import pipeline

pipe = StableDiffusionPipeline.from_pretrained("runwayml/stable-diffusion-v1-5", torch_dtype=torch.float16)
pipe = pipe.to("cuda")
image = pipe("an astronaut riding a horse").images[0]
image.save("astronaut.png")

classifier = pipeline("sentiment-analysis")
print(classifier("oomlint keeps my GPU memory in check"))
