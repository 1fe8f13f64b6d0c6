from transformers import AutoTokenizer, AutoConfig

tok = AutoTokenizer.from_pretrained(model_id, load_in_8bit=True)
cfg = AutoConfig.from_pretrained(model_id, load_in_4bit=True)
