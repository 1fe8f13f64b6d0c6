import torch

device = "cuda"
gen = Generator().to(device)
classifier = Classifier().to(device)
noise = torch.randn(8, 64, device=device).requires_grad_()
fake_image_history = []
# `+= [t]` extends a list of images kept for display: nothing is summed (a kept container is OOM101's
# concern), and `([fake]).detach()` would not even run
for i in range(10):
    opt.zero_grad()
    fake = gen(noise)
    fake_image_history += [fake]
    score = classifier(fake).mean()
    score.backward()
    noise.data += noise.grad / 10
    history = history + [fake]
