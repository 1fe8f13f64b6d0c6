# A notebook template keeps an alternative loading path switched off with `if False:` for the
# user to turn on; code that never runs costs no memory, so nothing in it is reported.
import torch
from peft import AutoPeftModelForCausalLM
from transformers import AutoModelForCausalLM, BitsAndBytesConfig

model = AutoModelForCausalLM.from_pretrained(
    "org/model-7b",
    quantization_config=BitsAndBytesConfig(load_in_4bit=True),
    device_map="auto",
)

if False:  # set to True to reload the saved adapters instead
    model = AutoPeftModelForCausalLM.from_pretrained("outputs/adapters", load_in_4bit=True)

if 0:
    model = AutoModelForCausalLM.from_pretrained("org/model-7b", load_in_8bit=True)
