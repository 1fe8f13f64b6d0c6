from diffusers import DiffusionPipeline, UNet2DConditionModel
from transformers import AutoModelForCausalLM

# -mini, -small, -base and Tiny say nothing about size: Phi-3-mini has 3.8B parameters,
# Mistral-Small 22B, TinyLlama 1.1B, stable-diffusion-xl-base 3.5B
# error: OOM403
phi = AutoModelForCausalLM.from_pretrained("microsoft/Phi-3-mini-4k-instruct", device_map="auto")
# error: OOM403
mistral = AutoModelForCausalLM.from_pretrained("mistralai/Mistral-Small-Instruct-2409", device_map="auto")
# error: OOM403 "transformers before v5"
tiny = AutoModelForCausalLM.from_pretrained("TinyLlama/TinyLlama-1.1B-Chat-v1.0").to("cuda")
# error: OOM403 "torch.float16"
sdxl = DiffusionPipeline.from_pretrained("stabilityai/stable-diffusion-xl-base-1.0").to("cuda")
# a component's size is not the repository's: the UNet of SD 1.4 has 860M parameters
# error: OOM403
unet = UNet2DConditionModel.from_pretrained("CompVis/stable-diffusion-v1-4", subfolder="unet").to("cuda")
# gpt2-large is not gpt2: 774M parameters
# error: OOM403
large = AutoModelForCausalLM.from_pretrained("openai-community/gpt2-large").to("cuda")
