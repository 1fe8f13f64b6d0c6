import timm
import torch

model = timm.create_model("vit_large_patch16_224", pretrained=True, num_classes=10).cuda()
opt = torch.optim.AdamW(model.parameters(), lr=1e-4)


def fit(loader, epochs):
    for _ in range(epochs):
        # error: OOM601 "dtype=torch.bfloat16)`"
        for x, y in loader:
            out = model(x.cuda())
            loss = torch.nn.functional.cross_entropy(out, y.cuda())
            opt.zero_grad()
            loss.backward()
            opt.step()
