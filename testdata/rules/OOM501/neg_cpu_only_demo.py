# A demo that runs on the CPU (DynamicViT's Colab cell): every placement is "cpu", so CUDA autocast does
# nothing and no GPU memory is at stake.
import torch

device = "cpu"
model = build_model()
model.to(device)
model.eval()
im_tensor = preprocess(image).unsqueeze(0).to(device)
with torch.cuda.amp.autocast():
    outputs = model(im_tensor)
