import torch

device = torch.device("cuda" if torch.cuda.is_available() else "cpu")

if checkpoint is None:
    decoder = Decoder()
    decoder_optimizer = torch.optim.Adam(decoder.parameters())
else:
    # the checkpoint pickles the modules and optimizers themselves, used as the live ones: nothing is
    # restored into an optimizer, and loading them on the CPU would leave the Adam state there
    checkpoint = torch.load(checkpoint)
    start_epoch = checkpoint["epoch"] + 1
    decoder = checkpoint["decoder"]
    decoder_optimizer = checkpoint["decoder_optimizer"]

decoder = decoder.to(device)
