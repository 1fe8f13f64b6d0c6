from transformers import BertModel

results = {}
for device in ["cpu", "cuda:0", "cuda:1"]:
    # three devices: not one model per device pair
    # error: OOM401
    model = BertModel.from_pretrained("bert-base-cased").to(device)
    results[device] = benchmark(model)

for name in ["bert-base-cased", "bert-large-cased"]:
    # two items, but both models go to the same GPU
    # error: OOM401
    model = BertModel.from_pretrained(name).to("cuda")
    results[name] = benchmark(model)
