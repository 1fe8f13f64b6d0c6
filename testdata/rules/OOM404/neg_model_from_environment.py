# oomlint-config: gpu-memory = "1GiB"
# The model id is only known at run time: its size is unknown, so the rule never fires.
import os

from transformers import AutoModelForCausalLM

model = AutoModelForCausalLM.from_pretrained(os.environ["MODEL_ID"], device_map="auto")
