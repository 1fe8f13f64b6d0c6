import torch

from helpers import distributed_setup


def main(args):
    distributed_setup(args)  # a project helper that starts one process per GPU
    model = build().cuda()
    # error: OOM402 "every rank"
    model.load_state_dict(torch.load(args.resume))
