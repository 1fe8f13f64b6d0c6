import random

import torch

device = torch.device("cuda")
START = 1


def masked_nll(out, target, mask):
    count = mask.sum()
    picked = torch.gather(out, 1, target.view(-1, 1))
    loss = (-torch.log(picked)).masked_select(mask)
    loss = loss.mean()
    return loss, count.item()


def train(src, src_lens, tgt, mask, steps, encoder, decoder, encoder_optimizer, decoder_optimizer, batch_size, clip):
    encoder_optimizer.zero_grad()
    decoder_optimizer.zero_grad()
    src = src.to(device)
    src_lens = src_lens.to(device)
    tgt = tgt.to(device)
    mask = mask.to(device)
    loss = 0
    step_losses = []
    total = 0
    enc_out, enc_hidden = encoder(src, src_lens)
    dec_in = torch.LongTensor([[START for _ in range(batch_size)]]).to(device)
    dec_hidden = enc_hidden[:decoder.n_layers]
    forced = random.random() < 0.5
    if forced:
        for t in range(steps):
            dec_out, dec_hidden = decoder(dec_in, dec_hidden, enc_out)
            dec_in = tgt[t].view(1, -1)
            step_loss, n = masked_nll(dec_out, tgt[t], mask[t])
            loss += step_loss
            step_losses.append(step_loss.item() * n)
            total += n
    else:
        for t in range(steps):
            dec_out, dec_hidden = decoder(dec_in, dec_hidden, enc_out)
            _, best = dec_out.topk(1)
            dec_in = torch.LongTensor([[best[i][0] for i in range(batch_size)]]).to(device)
            step_loss, n = masked_nll(dec_out, tgt[t], mask[t])
            loss += step_loss
            step_losses.append(step_loss.item() * n)
            total += n
    loss.backward()
    torch.nn.utils.clip_grad_norm_(encoder.parameters(), clip)
    encoder_optimizer.step()
    decoder_optimizer.step()
    # a Python number: the sum of the appended .item() values over a count
    return sum(step_losses) / total


def fit(encoder, decoder, encoder_optimizer, decoder_optimizer, batches, n_iteration, batch_size, clip):
    print_loss = 0
    for iteration in range(1, n_iteration + 1):
        src, src_lens, tgt, mask, steps = batches[iteration - 1]
        loss = train(src, src_lens, tgt, mask, steps, encoder, decoder, encoder_optimizer, decoder_optimizer, batch_size, clip)
        print_loss += loss
