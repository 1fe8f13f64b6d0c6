import gc

import torch
from transformers import AutoModelForCausalLM

for name in names:
    model = AutoModelForCausalLM.from_pretrained(name).cuda()
    print(evaluate(model))
    del model
    gc.collect()
    torch.cuda.empty_cache()
