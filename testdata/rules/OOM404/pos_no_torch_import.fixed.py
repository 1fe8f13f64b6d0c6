# oomlint-config: gpu = "t4"
# The file does not import torch: the message names the change, but no edit is offered.
from transformers import AutoModelForCausalLM

# error: OOM404 "load in bfloat16"
model = AutoModelForCausalLM.from_pretrained("meta-llama/Llama-2-7b-hf", device_map="auto")
