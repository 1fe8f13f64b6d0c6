"""Loads the policy model."""
from transformers import AutoModelForCausalLM as LM

# error: OOM502
policy = LM.from_pretrained(args.model, load_in_8bit=args.load_in_8bit)
# error: OOM502
ref = LM.from_pretrained(args.model, load_in_8bit=cfg["int8"], load_in_4bit=cfg["int4"])
