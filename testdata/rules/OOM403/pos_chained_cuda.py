import torch
from transformers import AutoModel

# error: OOM403
encoder = AutoModel.from_pretrained("bert-large-uncased").cuda().eval()
with torch.no_grad():
    emb = encoder(**batch).last_hidden_state
