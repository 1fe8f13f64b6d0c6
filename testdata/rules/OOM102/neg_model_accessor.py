# A model engine's accessors (no input, no forward) return plain numbers.
import torch


def main(args, model, loader):
    model.to("cuda")
    args.train_batch_size = model.train_micro_batch_size_per_gpu()
    sample_count = 0
    for step, batch in enumerate(loader):
        loss = model(batch)
        model.backward(loss)
        model.step()
        reserved_length = model.random_ltd_scheduler.get_current_seq()
        sample_count += args.train_batch_size * torch.distributed.get_world_size()
        sample_count += reserved_length * args.train_batch_size
        shortened = (reserved_length * 3 + loss.sum()) // 4
        sample_count += shortened
