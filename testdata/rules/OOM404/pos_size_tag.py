# oomlint-config: gpu-memory = 24
# A model id outside the catalogue, sized by the tag in its name; a bare number of gpu-memory is GiB.
from transformers import AutoModelForCausalLM

# error: OOM404 "`acme/custom-chat-13b` (13.00B parameters, float32, inference)"
model = AutoModelForCausalLM.from_pretrained("acme/custom-chat-13b", device_map="auto")
