from peft import AutoPeftModelForCausalLM
from transformers import BitsAndBytesConfig

# error: OOM502
model = AutoPeftModelForCausalLM.from_pretrained(adapter_dir, quantization_config=BitsAndBytesConfig(load_in_4bit=True))
