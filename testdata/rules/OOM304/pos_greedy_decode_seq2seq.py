import torch

device = torch.device("cuda" if torch.cuda.is_available() else "cpu")


def greedy_decode(encoder, decoder, src, max_len, sos):
    encoder.to(device)
    decoder.to(device)
    enc_out, hidden = encoder(src.to(device))
    dec_in = torch.tensor([[sos]], device=device)
    out_tokens = []
    for _ in range(max_len):
        # error: OOM304 "takes back `hidden`"
        dec_out, hidden = decoder(dec_in, hidden, enc_out)
        dec_in = dec_out.argmax(-1)
        out_tokens.append(dec_in.item())
    return out_tokens
