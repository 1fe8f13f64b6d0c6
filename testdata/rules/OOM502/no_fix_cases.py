from transformers import AutoModelForCausalLM, BitsAndBytesConfig

# both styles at once: transformers rejects this; no automatic rewrite
a = AutoModelForCausalLM.from_pretrained(name, quantization_config=cfg, load_in_4bit=True)  # error: [OOM502]
# the flag is a call: rewriting would evaluate it twice
b = AutoModelForCausalLM.from_pretrained(name, load_in_4bit=wants_4bit())  # error: [OOM502]
c = AutoModelForCausalLM.from_pretrained(
    name,
    load_in_4bit=True,  # error: [OOM502]
    bnb_4bit_use_double_quant=True,  # a comment the rewrite would lose
)
