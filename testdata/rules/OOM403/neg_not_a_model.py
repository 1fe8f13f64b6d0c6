from transformers import AutoConfig, AutoImageProcessor, AutoTokenizer
from diffusers import DDIMScheduler

tok = AutoTokenizer.from_pretrained(name, device_map="auto")
proc = AutoImageProcessor.from_pretrained(name).to("cuda")
cfg = AutoConfig.from_pretrained(name)
sched = DDIMScheduler.from_pretrained(name, subfolder="scheduler")
