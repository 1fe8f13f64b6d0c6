"""Full fine-tune of a Qwen2.5 model chosen on the command line, in bfloat16."""
import argparse

import torch
from transformers import AutoModelForCausalLM


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--model", default="Qwen/Qwen2.5-1.5B-Instruct")
    p.add_argument("--bs", type=int, default=4)
    p.add_argument("--seq_len", type=int, default=2048)
    args = p.parse_args()
    model = AutoModelForCausalLM.from_pretrained(args.model, torch_dtype=torch.bfloat16).cuda()
    model.gradient_checkpointing_enable()
    opt = torch.optim.AdamW(model.parameters(), lr=1e-5)
    for step in range(100):
        loss = model(torch.randint(0, 1000, (args.bs, args.seq_len)).cuda()).logits.mean()
        loss.backward()
        opt.step()
        opt.zero_grad()


if __name__ == "__main__":
    main()
