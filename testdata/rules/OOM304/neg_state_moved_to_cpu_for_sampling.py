# Text is sampled on the CPU: the state fed back is moved there on purpose (and the model with it, or
# PyTorch would refuse to mix devices), so the graph grows in host memory, not on the GPU.
import torch
from torch.distributions.categorical import Categorical

device = torch.device("cuda:0")


def sample(model, encoded_input, length=500):
    model.eval()
    hidden, cell = model.init_hidden(1)
    hidden = hidden.to("cpu")
    cell = cell.to("cpu")
    for c in range(encoded_input.shape[1] - 1):   # prime the state on the prompt
        _, hidden, cell = model(encoded_input[:, c].view(1), hidden, cell)
    last_char = encoded_input[:, -1]
    generated = []
    for i in range(length):
        logits, hidden, cell = model(last_char.view(1), hidden, cell)
        last_char = Categorical(logits=torch.squeeze(logits, 0)).sample()
        generated.append(int(last_char))
    return generated


model = build_model().to(device)
train(model)
model.to("cpu")
print(sample(model, encode("The island")))
