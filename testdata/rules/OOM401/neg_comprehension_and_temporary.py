from transformers import AutoModel

models = [AutoModel.from_pretrained(p) for p in paths]
for p in paths:
    print(evaluate(AutoModel.from_pretrained(p).cuda()))
