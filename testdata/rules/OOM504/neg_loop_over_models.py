import gc

import torch
from transformers import AutoModel


def benchmark(names, inputs):
    for name in names:
        model = AutoModel.from_pretrained(name).cuda()
        with torch.no_grad():
            out = model(**inputs)
        print(name, out.last_hidden_state.shape)
        del model, out
        gc.collect()
        torch.cuda.empty_cache()
