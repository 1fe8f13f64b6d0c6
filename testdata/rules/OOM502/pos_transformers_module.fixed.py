import transformers


def load(name):
    # error: OOM502
    return transformers.AutoModelForSeq2SeqLM.from_pretrained(name, device_map="auto", quantization_config=transformers.BitsAndBytesConfig(load_in_8bit=True))
