from transformers import AutoModelForCausalLM, BitsAndBytesConfig

model = AutoModelForCausalLM.from_pretrained(
    "bigscience/bloom-1b7",
    device_map=device_map,
    llm_int8_enable_fp32_cpu_offload=True,
    # error: OOM502
    load_in_8bit=True,
)
