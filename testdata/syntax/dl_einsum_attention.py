import math
import torch


def attention(q, k, v, mask=None, dropout=None):
    scale = 1.0 / math.sqrt(q.size(-1))
    scores = torch.einsum("bhqd,bhkd->bhqk", q, k) * scale
    if mask is not None:
        scores = scores.masked_fill(mask == 0, float("-inf"))
    attn = scores.softmax(dim=-1)
    if dropout is not None:
        attn = dropout(attn)
    return attn @ v, attn
