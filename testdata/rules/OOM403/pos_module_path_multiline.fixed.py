import transformers

# error: OOM403
model = transformers.AutoModelForCausalLM.from_pretrained(
    "meta-llama/Llama-2-7b-hf",
    device_map={"": 0}, torch_dtype="auto",
)
