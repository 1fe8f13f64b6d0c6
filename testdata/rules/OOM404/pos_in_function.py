# oomlint-config: gpu = "t4"
import torch
from transformers import AutoModelForSeq2SeqLM


def load():
    # error: OOM404 "google/flan-t5-xxl"
    return AutoModelForSeq2SeqLM.from_pretrained("google/flan-t5-xxl", torch_dtype=torch.bfloat16).to("cuda")
