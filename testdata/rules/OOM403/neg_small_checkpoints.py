import torch
from diffusers import AutoencoderKL, DDPMPipeline, UNet2DModel
from transformers import AutoModel, AutoModelForCausalLM, CLIPTextModel, DPTForDepthEstimation

# checkpoints of at most 200M parameters: float32 costs at most 0.4 GB more than bfloat16
device = "cuda"
smol = AutoModelForCausalLM.from_pretrained("HuggingFaceTB/SmolLM2-135M").to(device)
clip = AutoModel.from_pretrained("openai/clip-vit-base-patch16").to(device)
depth = DPTForDepthEstimation.from_pretrained("Intel/dpt-hybrid-midas").to(device)
ddpm = DDPMPipeline.from_pretrained("google/ddpm-cat-256").to("cuda")
repo_id = "google/ddpm-cat-256"
unet = UNet2DModel.from_pretrained(repo_id).to("cuda")
vae = AutoencoderKL.from_pretrained("CompVis/stable-diffusion-v1-4", subfolder="vae").to("cuda")
text_encoder = CLIPTextModel.from_pretrained("CompVis/stable-diffusion-v1-4", subfolder="text_encoder").to("cuda")
model_ckpt = "sentence-transformers/multi-qa-mpnet-base-dot-v1"
encoder = AutoModel.from_pretrained(model_ckpt).to(device)
qa = AutoModel.from_pretrained("distilbert-base-cased-distilled-squad", device_map="auto")
lm = AutoModelForCausalLM.from_pretrained("gpt2").cuda()
imdb = AutoModelForCausalLM.from_pretrained("lvwerra/gpt2-imdb").cuda()  # a fine-tune of GPT-2 (124M)
