"""A local directory without config.json and without a size tag: unknown."""
from transformers import AutoModel

model = AutoModel.from_pretrained("./my-checkpoint")
