import timm

results = {}
for arch in ["resnet50", "convnext_base", "vit_large_patch16_224"]:
    # error: OOM401
    net = timm.create_model(arch, pretrained=True).cuda().eval()
    results[arch] = benchmark(net)
