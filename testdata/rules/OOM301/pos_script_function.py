import sys

import torch
import torchvision


def run(model, images):
    # error: OOM301 "in a script that never trains"
    return [model(img.unsqueeze(0).cuda()).argmax().item() for img in images]


if __name__ == "__main__":
    net = torchvision.models.resnet50(weights="IMAGENET1K_V2").cuda()
    net.eval()
    print(run(net, torch.load(sys.argv[1])))
