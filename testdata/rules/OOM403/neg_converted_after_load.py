import torch
from diffusers import StableDiffusionPipeline, UNet2DConditionModel
from transformers import AutoModel

a = AutoModel.from_pretrained(name).half().cuda()
b = AutoModel.from_pretrained(name)
b.to("cuda", torch.float16)
pipe = StableDiffusionPipeline.from_pretrained(repo)
pipe.to("cuda", torch_dtype=torch.float16)
unet = UNet2DConditionModel.from_pretrained(repo, subfolder="unet")
unet.to("cuda", dtype=weight_dtype)
