import transformers
from transformers import AutoModelForCausalLM, BitsAndBytesConfig

# The BitsAndBytesConfig already asks for the same quantization: the deprecated keyword beside it
# changes nothing about memory (transformers rejects the pair, an error the user sees at once).
cfg = BitsAndBytesConfig(load_in_4bit=True)
a = AutoModelForCausalLM.from_pretrained(name, quantization_config=cfg, load_in_4bit=True)

# The flag and the config come from the same switch, as in many LLM repositories' inference scripts.
if args.load_in_4bit or args.load_in_8bit:
    quantization_config = BitsAndBytesConfig(load_in_4bit=args.load_in_4bit, load_in_8bit=args.load_in_8bit)
model = AutoModelForCausalLM.from_pretrained(
    args.base_model,
    device_map="auto",
    load_in_4bit=args.load_in_4bit,
    load_in_8bit=args.load_in_8bit,
    quantization_config=quantization_config if (args.load_in_4bit or args.load_in_8bit) else None,
)

# Built inline, through the module.
b = AutoModelForCausalLM.from_pretrained(
    name, load_in_8bit=True, quantization_config=transformers.BitsAndBytesConfig(load_in_8bit=True))
