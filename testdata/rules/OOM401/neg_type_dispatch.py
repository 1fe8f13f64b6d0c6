import os

import torch


def load_model_hook(models, input_dir):
    while len(models) > 0:
        model = models.pop()
        if isinstance(model, Discriminator):
            heads = torch.load(os.path.join(input_dir, "heads.pt"), map_location="cpu")
            model.heads.load_state_dict(heads)
