from transformers import BertModel

PROVIDERS = {
    ("cpu", "PyTorch CPU"),
    ("cuda:0", "PyTorch GPU"),
}

results = {}
for device, label in PROVIDERS:
    # at most two devices and each iteration's model goes to the loop's device:
    # the previous model lives on the other one
    model_pt = BertModel.from_pretrained("bert-base-cased").to(device)
    results[label] = benchmark(model_pt)

for dev in ["cpu", "cuda"]:
    net = BertModel.from_pretrained("bert-base-cased", device_map=dev)
    results[dev] = benchmark(net)
