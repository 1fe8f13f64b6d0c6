from transformers import AutoModel


def load_encoder(path):
    # error: OOM401
    enc = AutoModel.from_pretrained(path)
    return enc.cuda().eval()


for path in checkpoints:
    encoder = load_encoder(path)
    scores.append(score(encoder))
