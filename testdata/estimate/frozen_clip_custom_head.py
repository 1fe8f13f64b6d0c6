"""A frozen CLIP image encoder feeding a small head that is trained: CLIP itself is inference only."""
import torch
from torch import nn
from transformers import CLIPModel

clip = CLIPModel.from_pretrained("openai/clip-vit-base-patch32").cuda().eval()
head = nn.Linear(512, 10).cuda()
optimizer = torch.optim.Adam(head.parameters(), lr=1e-3)

for images, labels in loader:
    with torch.no_grad():
        feats = clip.get_image_features(pixel_values=images.cuda())
    loss = nn.functional.cross_entropy(head(feats), labels.cuda())
    optimizer.zero_grad()
    loss.backward()
    optimizer.step()
