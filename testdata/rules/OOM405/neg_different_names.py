from transformers import AutoModelForCausalLM

# two models kept on purpose (a reference model beside the policy): different names
model = AutoModelForCausalLM.from_pretrained("meta-llama/Llama-2-7b-hf", device_map="auto")
ref_model = AutoModelForCausalLM.from_pretrained("meta-llama/Llama-2-7b-hf", device_map="auto")
