import torch


def train(n_epochs, model, optimizer, save_path):
    for epoch in range(n_epochs):
        step(model.cuda(), optimizer)
        torch.save(model.state_dict(), save_path)
    return model


def save(net):
    torch.save(net, "net.pkl")
    torch.save(net.state_dict(), "net_params.pkl")


def restore_net():
    # the script saved this file a moment before, in the same run
    return torch.load("net.pkl")


def restore_params(net):
    net.load_state_dict(torch.load("net_params.pkl"))


def load_checkpoint(filepath):
    checkpoint = torch.load(filepath)
    model = build(checkpoint["input_size"])
    model.load_state_dict(checkpoint["state_dict"])
    return model


model = train(10, build().cuda(), opt, "model_scratch.pt")
model.load_state_dict(torch.load("model_scratch.pt"))
save(model)
restore_net()
restore_params(model)
torch.save({"input_size": 784, "state_dict": model.state_dict()}, "checkpoint.pth")
model = load_checkpoint("checkpoint.pth")
