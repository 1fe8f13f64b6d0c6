import numpy as np
import torch
from models import *

cuda = torch.cuda.is_available()
D_A = Discriminator((3, 64, 64))
if cuda:
    D_A = D_A.cuda()
criterion_GAN = torch.nn.MSELoss()
optimizer_D_A = torch.optim.Adam(D_A.parameters(), lr=2e-4)
Tensor = torch.cuda.FloatTensor if cuda else torch.Tensor

for epoch in range(10):
    for i, batch in enumerate(dataloader):
        real_A = batch["A"].type(Tensor)
        valid = Tensor(np.ones((real_A.size(0), *D_A.output_shape)))
        optimizer_D_A.zero_grad()
        loss_D_A = criterion_GAN(D_A(real_A), valid)
        # error: OOM103
        loss_D_A.backward()
        optimizer_D_A.step()
