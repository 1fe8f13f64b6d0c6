from transformers import AutoModelForCausalLM


class Config:
    BASE_MODEL = "codellama/CodeLlama-34b-Instruct-hf"


# error: OOM403 "float32"
model = AutoModelForCausalLM.from_pretrained(Config.BASE_MODEL, device_map="auto")
