from transformers import AutoModel, BitsAndBytesConfig as BnB

encoder = AutoModel.from_pretrained("bert-large-uncased", load_in_8bit=True)  # error: [OOM502]
