import transformers

model = transformers.AutoModelForCausalLM.from_pretrained(  # error: [OOM403]
    "meta-llama/Llama-2-7b-hf",
    device_map={"": 0},
)
