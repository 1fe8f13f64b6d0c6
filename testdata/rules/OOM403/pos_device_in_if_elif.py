import torch
from transformers import AutoModelForCausalLM

if torch.cuda.is_available():
    device = "cuda"
elif torch.backends.mps.is_available():
    device = "mps"
else:
    device = "cpu"

# error: OOM403
model = AutoModelForCausalLM.from_pretrained("Qwen/Qwen2-7B-Instruct").to(device)


def main(args):
    if args.device == "gpu":
        dev = torch.device("cuda:0")
    elif args.device == "mps":
        dev = torch.device("mps")
    else:
        dev = torch.device("cpu")
    # error: OOM403
    lm = AutoModelForCausalLM.from_pretrained(args.model)
    lm.to(dev)
