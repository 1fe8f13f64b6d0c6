from diffusers import DiffusionPipeline

pipe = DiffusionPipeline.from_pretrained(repo)
pipe.enable_model_cpu_offload()
pipe.to("cuda")
