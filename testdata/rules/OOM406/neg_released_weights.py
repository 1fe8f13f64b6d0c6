# Detection demos load the project's released weights (`--weights`, `weights/*.pth`): projects strip
# those down to the model before publishing them, so nothing else lands on the GPU.
import argparse

import torch

parser = argparse.ArgumentParser()
parser.add_argument("--weights", nargs="+", default=["weights/yolov4.pt"])
opt = parser.parse_args()
device = torch.device("cuda:0")

model = Darknet("cfg/yolov4.cfg").cuda()
model.load_state_dict(torch.load(opt.weights[0], map_location=device)["model"])

checkpoint = torch.load("./weights/End-to-end.pth", map_location=device)
model.load_state_dict(checkpoint["state_dict"])
