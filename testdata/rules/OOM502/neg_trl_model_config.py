from trl import ModelConfig, get_quantization_config

model_args = ModelConfig(load_in_4bit=True)
quantization_config = get_quantization_config(model_args)
