import gc

import timm

for arch in archs:
    net = timm.create_model(arch).cuda()
    benchmark(net)
    net = None
    gc.collect()
