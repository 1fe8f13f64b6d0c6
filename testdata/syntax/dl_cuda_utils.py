import gc
import torch


def free_memory(*tensors):
    for t in tensors:
        del t
    gc.collect()
    if torch.cuda.is_available():
        torch.cuda.empty_cache()
        torch.cuda.synchronize()


def report():
    alloc = torch.cuda.memory_allocated()
    reserved = torch.cuda.memory_reserved()
    return {"allocated": alloc, "reserved": reserved, "frac": alloc / reserved if reserved else 0.0}


device = torch.device("cuda:0" if torch.cuda.is_available() else "cpu")
x = torch.empty((1024, 1024), dtype=torch.float32, device=device)
y = x.pin_memory() if device.type == "cpu" else x
