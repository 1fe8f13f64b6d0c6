import torch
from tqdm import tqdm

model.eval()
probs = []
with torch.no_grad():
    for i, (x, _) in enumerate(tqdm(test_dataloader)):
        out = model(x.cuda()).softmax(-1)
        # error: OOM302
        probs.append(model(x.cuda())["logits"])
