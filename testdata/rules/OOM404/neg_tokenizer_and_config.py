# oomlint-config: gpu-memory = "1GiB"
# Tokenizers and configs are loaded with from_pretrained too, but hold no weights.
from transformers import AutoConfig, AutoTokenizer

tokenizer = AutoTokenizer.from_pretrained("meta-llama/Llama-2-70b-hf")
config = AutoConfig.from_pretrained("meta-llama/Llama-2-70b-hf")
