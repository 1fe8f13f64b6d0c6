from transformers import AutoModelForCausalLM, BitsAndBytesConfig

model = AutoModelForCausalLM.from_pretrained(
    "bigscience/bloom-1b7",
    device_map=device_map,
    quantization_config=BitsAndBytesConfig(llm_int8_enable_fp32_cpu_offload=True, load_in_8bit=True),
    # error: OOM502
)
