import torch as T


def evaluate(model, loader):
    with T.inference_mode():
        for x in loader:
            try:
                y = model(x.to("cuda"))
                print(y.mean().item())
            finally:
                # error: OOM504
                T.cuda.empty_cache()
