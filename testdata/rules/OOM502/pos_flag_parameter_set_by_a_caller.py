from transformers import AutoModelForCausalLM


def get_model(load_8bit: bool = False, base_model: str = "bigcode/starcoder"):
    # error: OOM502
    return AutoModelForCausalLM.from_pretrained(base_model, load_in_8bit=load_8bit, device_map="auto")


model = get_model(base_model=args.model)
big = get_model(load_8bit=args.load_8bit, base_model="bigcode/starcoder")
