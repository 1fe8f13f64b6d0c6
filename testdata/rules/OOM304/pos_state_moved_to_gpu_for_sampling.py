import torch
from torch.distributions.categorical import Categorical

device = torch.device("cuda:0")


def sample(model, encoded_input, length=500):
    model.eval()
    hidden, cell = model.init_hidden(1)
    hidden = hidden.to(device)
    cell = cell.to(device)
    last_char = encoded_input[:, -1].to(device)
    generated = []
    for i in range(length):
        # error: OOM304 "`hidden`"
        logits, hidden, cell = model(last_char.view(1), hidden, cell)
        last_char = Categorical(logits=torch.squeeze(logits, 0)).sample()
        generated.append(int(last_char))
    return generated


model = build_model().to(device)
print(sample(model, encode("The island")))
