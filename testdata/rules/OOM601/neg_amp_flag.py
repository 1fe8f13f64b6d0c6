import argparse
import torch
import torchvision

parser = argparse.ArgumentParser()
parser.add_argument("--amp", action="store_true")
args = parser.parse_args()
model = torchvision.models.resnet101().cuda()
optimizer = torch.optim.SGD(model.parameters(), lr=0.1)
dtype = torch.float16 if args.amp else torch.float32
for x, y in loader:
    with torch.autocast("cuda", dtype=dtype, enabled=args.amp):
        loss = torch.nn.functional.cross_entropy(model(x.cuda()), y.cuda())
    optimizer.zero_grad()
    loss.backward()
    optimizer.step()
