from transformers import AutoModelForCausalLM


def get_model(load_8bit: bool = False, base_model: str = "bigcode/starcoder"):
    # every call leaves load_8bit at its False default: the keyword never asks for 8 bits
    return AutoModelForCausalLM.from_pretrained(base_model, load_in_8bit=load_8bit, device_map="auto")


model = get_model(base_model=args.model)
other = get_model(False, "bigcode/starcoderbase")
