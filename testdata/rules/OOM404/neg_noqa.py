# oomlint-config: gpu = "t4"
# A finding silenced with noqa, as for every rule.
from transformers import AutoModelForCausalLM

model = AutoModelForCausalLM.from_pretrained("meta-llama/Llama-2-7b-hf", device_map="auto")  # noqa: OOM404
