# No gpu-memory or gpu configured: OOM404 has nothing to compare with and stays silent.
from transformers import AutoModelForCausalLM

model = AutoModelForCausalLM.from_pretrained("meta-llama/Llama-2-70b-hf", device_map="auto")
