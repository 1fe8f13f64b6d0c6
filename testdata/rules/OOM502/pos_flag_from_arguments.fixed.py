"""Loads the policy model."""
from transformers import AutoModelForCausalLM as LM
from transformers import BitsAndBytesConfig

# error: OOM502
policy = LM.from_pretrained(args.model, quantization_config=BitsAndBytesConfig(load_in_8bit=args.load_in_8bit) if args.load_in_8bit else None)
# error: OOM502
ref = LM.from_pretrained(args.model, quantization_config=BitsAndBytesConfig(load_in_8bit=cfg["int8"], load_in_4bit=cfg["int4"]) if cfg["int8"] or cfg["int4"] else None)
