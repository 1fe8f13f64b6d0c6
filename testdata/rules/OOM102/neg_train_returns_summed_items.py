import torch

device = torch.device("cuda")


def train(batch, encoder, decoder, optimizer):
    optimizer.zero_grad()
    loss = 0
    print_losses = []
    n_totals = 0
    for t in range(batch.max_len):
        out = decoder(encoder(batch.inputs.to(device)), t)
        mask_loss, n_total = masked_nll(out, batch.targets[t], batch.mask[t])
        loss += mask_loss
        print_losses.append(mask_loss.item() * n_total)
        n_totals += n_total
    loss.backward()
    optimizer.step()
    # a Python number: the sum of the appended .item() values over a count
    return sum(print_losses) / n_totals


print_loss = 0
for iteration in range(1, n_iteration + 1):
    loss = train(batches[iteration - 1], encoder, decoder, optimizer)
    print_loss += loss
