import torch
from torch.autograd import Variable

from models import GeneratorRRDB

generator = GeneratorRRDB(3, filters=64).cuda()
generator.load_state_dict(torch.load("generator.pth"))
generator.eval()
image_tensor = Variable(torch.rand(1, 3, 64, 64)).cuda()
# error: OOM301 "in a script that never trains"
sr_image = generator(image_tensor).cpu()
