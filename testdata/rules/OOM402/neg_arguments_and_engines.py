import os

import torch
import torch.distributed as dist
from torch2trt import TRTModule

_METADATA_FILENAME = "meta.pt"


def resume(args, path):
    dist.barrier()
    # pickled TrainingArguments and a sharded checkpoint's metadata: no tensors
    old_args_path = os.path.join(args.resume_from_checkpoint, "training_args.bin")
    old_args = torch.load(old_args_path)
    metadata = torch.load(path / _METADATA_FILENAME)
    return old_args, metadata


def load_engine(trt_file, local_rank):
    # a TensorRT module's state is its serialised engine (bytes)
    model_trt = TRTModule()
    model_trt.load_state_dict(torch.load(trt_file))
    return model_trt
