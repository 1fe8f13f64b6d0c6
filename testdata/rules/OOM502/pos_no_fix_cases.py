from transformers import AutoModelForCausalLM, BitsAndBytesConfig

# quantization_config=None asks for nothing: the flag is what quantizes; no rewrite (the keyword is taken)
# error: OOM502
a = AutoModelForCausalLM.from_pretrained(name, quantization_config=None, load_in_4bit=True)
# the flag is a call: rewriting would evaluate it twice
# error: OOM502
b = AutoModelForCausalLM.from_pretrained(name, load_in_4bit=wants_4bit())
c = AutoModelForCausalLM.from_pretrained(
    name,
    # error: OOM502
    load_in_4bit=True,
    device_map="auto",  # a comment the rewrite would lose
    bnb_4bit_use_double_quant=True)
