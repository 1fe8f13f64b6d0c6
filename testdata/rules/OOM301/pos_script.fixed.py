"""Super-resolve one image with a trained model."""
import argparse

import torch
from PIL import Image
from torchvision.transforms import ToTensor

parser = argparse.ArgumentParser()
parser.add_argument("--input_image", type=str, required=True)
parser.add_argument("--model", type=str, required=True)
opt = parser.parse_args()

img = Image.open(opt.input_image).convert("YCbCr")
y, cb, cr = img.split()
model = torch.load(opt.model).cuda()
input = ToTensor()(y).view(1, -1, y.size[1], y.size[0]).cuda()
# error: OOM301 "in a script that never trains"
with torch.no_grad():
    out = model(input)
out_img_y = out[0].detach().numpy()
print(out_img_y.shape)
