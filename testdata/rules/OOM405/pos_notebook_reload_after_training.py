# %%
import torch
from peft import AutoPeftModelForCausalLM
from transformers import AutoModelForCausalLM

model = AutoModelForCausalLM.from_pretrained("meta-llama/Llama-3.1-8B", device_map="auto", torch_dtype=torch.bfloat16)

# %%
trainer.train()
trainer.save_model("out")

# %%
# error: OOM405 "still holds the model loaded at line 6"
model = AutoPeftModelForCausalLM.from_pretrained("out", device_map="auto", torch_dtype=torch.bfloat16)
