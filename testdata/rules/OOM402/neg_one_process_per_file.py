import os

import torch
import torch.distributed as dist


def restore_reward_model(args, reward_model):
    # only the first rank reads the weights: no other rank's copy lands on cuda:0
    if args.local_rank in [-1, 0]:
        reward_model.load_state_dict(torch.load(args.reward_checkpoint))
    dist.barrier()


def restore_head(rank, head, path):
    if dist.get_rank() == 0 and os.path.exists(path):
        head.load_state_dict(torch.load(path))


def restore_teacher(cfg, teacher):
    if cfg.world_size > 1:
        pass
    elif cfg.rank == 0:
        teacher.load_state_dict(torch.load(cfg.teacher_path))


def restore_from_main(accelerator, model, path):
    if accelerator.is_main_process:
        model.load_state_dict(torch.load(path))


def restore_queue(args, rank):
    # each rank reads back the queue it saved from its own GPU
    queue_path = os.path.join(args.dump_path, "queue" + str(rank) + ".pth")
    if os.path.isfile(queue_path):
        return torch.load(queue_path)["queue"]
    return None


def save_queue(args, rank, queue):
    torch.save({"queue": queue}, os.path.join(args.dump_path, "queue" + str(rank) + ".pth"))


def restore_memory_bank(args):
    return torch.load(f"{args.out}/bank_{args.global_rank}.pth")


def save_memory_bank(args, bank):
    torch.save(bank, f"{args.out}/bank_{args.global_rank}.pth")


def to_gpu(module):
    return module.cuda()
