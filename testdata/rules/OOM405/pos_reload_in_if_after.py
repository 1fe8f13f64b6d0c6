import torch
from transformers import AutoModelForCausalLM

model = AutoModelForCausalLM.from_pretrained(args.base, device_map="cuda")
results = evaluate(model)
if args.merged:
    # error: OOM405
    model = AutoModelForCausalLM.from_pretrained(args.merged, device_map="cuda")
    results = evaluate(model)
