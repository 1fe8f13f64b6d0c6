from transformers import *

# the model class arrives through the star import
# error: OOM403
model = AutoModelForCausalLM.from_pretrained("Qwen/Qwen2-7B-Instruct").to("cuda")
