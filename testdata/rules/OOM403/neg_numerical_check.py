import torch
from transformers import GPT2LMHeadModel

# comparing two implementations: float32 is the point
reference = GPT2LMHeadModel.from_pretrained("gpt2").to("cuda")
ours = load_our_gpt("gpt2").to("cuda")
with torch.no_grad():
    assert torch.allclose(reference(ids).logits, ours(ids), atol=1e-5)
