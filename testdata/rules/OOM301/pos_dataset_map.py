import torch
from datasets import load_dataset
from transformers import CLIPModel, CLIPProcessor

device = "cuda"
model = CLIPModel.from_pretrained("openai/clip-vit-base-patch32").to(device)
processor = CLIPProcessor.from_pretrained("openai/clip-vit-base-patch32")
optimizer = torch.optim.AdamW(model.parameters())


def embed(batch):
    inputs = processor(images=batch["image"], return_tensors="pt").to(device)
    # error: OOM301 "in `embed`, mapped over a dataset"
    batch["emb"] = model.get_image_features(**inputs).cpu().numpy()
    return batch


def train(loader):
    for batch in loader:
        model(**batch).loss.backward()
        optimizer.step()
        optimizer.zero_grad()


ds = load_dataset("beans", split="train")
ds = ds.map(embed, batched=True)
