# PyTorch 0.3 seq2seq evaluation: the inputs are volatile Variables (transposed, then moved), so the
# encoder's outputs and every decoder state made from them record no graph, whatever the later
# decoder inputs are; the function runs as under no_grad.
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
