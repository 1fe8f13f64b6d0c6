# %%
import gc

import torch
from transformers import Qwen2VLForConditionalGeneration

model = Qwen2VLForConditionalGeneration.from_pretrained(model_id, device_map="auto", torch_dtype=torch.bfloat16)


# %%
def clear_memory():
    if "model" in globals():
        del globals()["model"]
    gc.collect()
    torch.cuda.empty_cache()


clear_memory()

# %%
model = Qwen2VLForConditionalGeneration.from_pretrained(model_id, device_map="auto", quantization_config=bnb_config)
