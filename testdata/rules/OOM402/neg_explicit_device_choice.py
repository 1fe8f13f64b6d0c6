import torch


class Vocoder(torch.nn.Module):
    def __init__(self, checkpoint_path):
        super().__init__()
        # the author chose: saved devices when there is a GPU, the CPU otherwise
        if torch.cuda.is_available():
            state_dict = torch.load(checkpoint_path)
        else:
            state_dict = torch.load(checkpoint_path, map_location=torch.device("cpu"))
        self.load_state_dict(state_dict["generator"])
