# `torch` is not imported here: this is some other object
state = torch.load("checkpoint.pt")
