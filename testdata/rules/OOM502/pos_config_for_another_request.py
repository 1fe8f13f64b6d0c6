from transformers import AutoModelForCausalLM, BitsAndBytesConfig

# The config is built only for 4-bit; the 8-bit request goes through the deprecated keyword alone,
# and transformers v5 would load the model in full precision.
bnb_config = None
if args.use_4bit_quantization:
    bnb_config = BitsAndBytesConfig(load_in_4bit=True, bnb_4bit_quant_type="nf4")
model = AutoModelForCausalLM.from_pretrained(
    args.model_name_or_path,
    # error: OOM502
    load_in_8bit=args.use_8bit_quantization,
    quantization_config=bnb_config,
    device_map="auto",
)
