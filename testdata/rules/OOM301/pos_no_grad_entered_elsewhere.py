import torch

model = torch.load("best_model.pth", map_location="cuda")
model.eval()


def warm_up(x):
    # entered here, it switches grad off only for the rest of this function's block
    torch.no_grad().__enter__()
    return model(x.cuda())


def main(test_set):
    results = []
    for mix, sources in test_set:
        # error: OOM301
        est = model(mix.cuda())
        results.append(est.cpu())
    return results
