from transformers import BitsAndBytesConfig

config = BitsAndBytesConfig(load_in_8bit=True, llm_int8_threshold=6.0)
print(model_args.load_in_8bit, model_args.load_in_4bit)
