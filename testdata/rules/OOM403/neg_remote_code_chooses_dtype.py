# The checkpoint's own modelling code builds the model (trust_remote_code=True) and picks its
# precision itself: some cast themselves to bfloat16 unless told otherwise, others take their own
# precision flags instead of torch_dtype. The dtype cannot be told from the call.
import argparse

import torch
from transformers import AutoModelForCausalLM, AutoTokenizer


def load(args):
    tokenizer = AutoTokenizer.from_pretrained(args.checkpoint_path, trust_remote_code=True)
    model = AutoModelForCausalLM.from_pretrained(
        args.checkpoint_path,
        device_map="auto",
        trust_remote_code=True,
    ).eval()
    return model, tokenizer


def load_bf16(path):
    return AutoModelForCausalLM.from_pretrained(path, device_map="cuda", trust_remote_code=True, bf16=True).eval()


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--checkpoint-path", default="org/chat-model-7b")
    model, tokenizer = load(parser.parse_args())
    with torch.no_grad():
        print(model.chat(tokenizer, "Hello", history=None))
