# PyTorch 0.3 seq2seq evaluation (OOM304's neg_volatile_seq2seq_evaluate.py): the encoder call runs on
# a volatile input made by a transpose and moved under `if USE_CUDA:`; nothing records after the
# first volatile Variable of the function.
import torch
from torch.autograd import Variable

USE_CUDA = True


def evaluate(encoder, decoder, seqs, lengths, sos, eos, max_length=20):
    input_batches = Variable(torch.LongTensor(seqs), volatile=True).transpose(0, 1)
    if USE_CUDA:
        input_batches = input_batches.cuda()
    encoder.train(False)
    decoder.train(False)
    encoder_outputs, encoder_hidden = encoder(input_batches, lengths, None)
    decoder_input = Variable(torch.LongTensor([sos]), volatile=True)
    decoder_hidden = encoder_hidden[:decoder.n_layers]
    if USE_CUDA:
        decoder_input = decoder_input.cuda()
    words = []
    for di in range(max_length):
        decoder_output, decoder_hidden, attention = decoder(decoder_input, decoder_hidden, encoder_outputs)
        topv, topi = decoder_output.data.topk(1)
        ni = topi[0][0]
        if ni == eos:
            break
        words.append(ni)
        decoder_input = Variable(torch.LongTensor([ni]))
        if USE_CUDA:
            decoder_input = decoder_input.cuda()
    encoder.train(True)
    decoder.train(True)
    return words
