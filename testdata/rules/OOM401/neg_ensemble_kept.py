from transformers import AutoModel

models = []
for p in paths:
    m = AutoModel.from_pretrained(p).cuda()
    models.append(m)
by_name = {}
for p in paths:
    enc = AutoModel.from_pretrained(p)
    by_name[p] = enc
