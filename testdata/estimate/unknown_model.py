"""A private hub model oomlint knows nothing about."""
from transformers import AutoModelForCausalLM

model = AutoModelForCausalLM.from_pretrained("acme-corp/internal-assistant", torch_dtype="auto")
