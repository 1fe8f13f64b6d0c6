import torch

# no GPU anywhere in this file, and nothing says the file is a checkpoint: a CPU script
results = torch.load("results/scores.pt")
table = summarize(results)
