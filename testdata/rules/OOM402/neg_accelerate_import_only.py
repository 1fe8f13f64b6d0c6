# A conversion script: accelerate is imported for init_empty_weights and torch.multiprocessing for its
# sharing strategy; one process loads the original weights to convert them.
import torch
import torch.multiprocessing
from accelerate import init_empty_weights

torch.multiprocessing.set_sharing_strategy("file_system")


def convert(ckpt_path):
    with init_empty_weights():
        transformer = build_transformer()
    original_state_dict = torch.load(ckpt_path)
    transformer.load_state_dict(convert_keys(original_state_dict), assign=True)
    return transformer.to("cuda")
