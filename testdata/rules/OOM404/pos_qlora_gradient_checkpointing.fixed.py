# oomlint-config: gpu = "a100-80gb"
# QLoRA with a large batch of long sequences and no gradient checkpointing: the activations dominate.
import torch
from datasets import load_dataset
from peft import LoraConfig, get_peft_model, prepare_model_for_kbit_training
from transformers import AutoModelForCausalLM, BitsAndBytesConfig
from trl import SFTConfig, SFTTrainer

bnb = BitsAndBytesConfig(load_in_4bit=True, bnb_4bit_quant_type="nf4", bnb_4bit_use_double_quant=True,
                         bnb_4bit_compute_dtype=torch.bfloat16)
# error: OOM404 "the cheapest change that fits: gradient checkpointing"
model = AutoModelForCausalLM.from_pretrained("meta-llama/Meta-Llama-3-8B", quantization_config=bnb)
model = prepare_model_for_kbit_training(model, use_gradient_checkpointing=False)
model = get_peft_model(model, LoraConfig(r=16, target_modules=["q_proj", "v_proj"], task_type="CAUSAL_LM"))
config = SFTConfig(
    output_dir="out",
    per_device_train_batch_size=16,
    max_seq_length=4096,
    bf16=True,
    optim="paged_adamw_8bit", gradient_checkpointing=True,
)
trainer = SFTTrainer(model=model, args=config, train_dataset=load_dataset("imdb")["train"])
trainer.train()
