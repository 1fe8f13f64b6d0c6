import torch
from transformers import AutoModel

encoder = AutoModel.from_pretrained("bert-large-uncased").cuda().eval()  # error: [OOM403]
with torch.no_grad():
    emb = encoder(**batch).last_hidden_state
