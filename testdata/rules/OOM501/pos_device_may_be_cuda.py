# The placements may be CUDA: the device is chosen at run time, so the finding stands (unlike
# neg_cpu_only_demo.py, whose only device is "cpu").
import torch

device = "cuda" if torch.cuda.is_available() else "cpu"
model = build_model()
model.to(device)
im_tensor = preprocess(image).unsqueeze(0).to(device)
# error: OOM501
with torch.cuda.amp.autocast():
    outputs = model(im_tensor)
