from diffusers import UNet2DConditionModel

# diffusers never took these keywords: not this rule's deprecation
unet = UNet2DConditionModel.from_pretrained(path, subfolder="unet", load_in_8bit=True)
