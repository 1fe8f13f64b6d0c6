import torch
from transformers import AutoModelForCausalLM


def load_tensor_parallel(fabric, model, checkpoint_path):
    # each process loads once: the loop takes the ranks in turn to bound the host memory
    for rank in range(fabric.world_size):
        if fabric.global_rank == rank:
            model = AutoModelForCausalLM.from_pretrained(checkpoint_path).to(fabric.device)
        fabric.barrier()
    return model


def load_in_turn(world_size, local_rank, path):
    for i in range(world_size):
        if i == local_rank:
            net = torch.load(path, map_location="cpu").cuda()
        torch.distributed.barrier()
    return net
