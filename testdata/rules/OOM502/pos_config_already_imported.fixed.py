from transformers import AutoModel, BitsAndBytesConfig as BnB

# error: OOM502
encoder = AutoModel.from_pretrained("bert-large-uncased", quantization_config=BnB(load_in_8bit=True))
