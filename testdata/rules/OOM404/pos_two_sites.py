# oomlint-config: gpu = "l4"
# Two load sites: the small one fits, the large one does not; only the latter is reported.
import torch
from transformers import AutoModelForCausalLM, AutoModelForSequenceClassification

classifier = AutoModelForSequenceClassification.from_pretrained("bert-base-uncased", torch_dtype=torch.float16)
# error: OOM404 "`meta-llama/Llama-2-13b-hf`"
generator = AutoModelForCausalLM.from_pretrained("meta-llama/Llama-2-13b-hf", torch_dtype=torch.float16)
