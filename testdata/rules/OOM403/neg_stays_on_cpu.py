from transformers import AutoModel

model = AutoModel.from_pretrained("bert-base-uncased")
cpu_model = AutoModel.from_pretrained("bert-base-uncased", device_map="cpu")
cpu_model.to("cpu")
embeddings = model(**inputs).last_hidden_state
