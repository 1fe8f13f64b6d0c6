"""A local checkpoint of a family oomlint cannot count: no number."""
from transformers import AutoModelForCausalLM

model = AutoModelForCausalLM.from_pretrained("mamba-130m")
