import re

_WS = re.compile(r"\s+")
_PUNCT = re.compile(r"[^\w\s]", flags=re.UNICODE)
SPECIAL = {"<pad>": 0, "<unk>": 1, "<bos>": 2, "<eos>": 3}


def normalize(text: str) -> str:
    text = _PUNCT.sub(" ", text.lower())
    return _WS.sub(" ", text).strip()


def encode(text, vocab, add_special=True):
    ids = [vocab.get(tok, SPECIAL["<unk>"]) for tok in normalize(text).split()]
    return [SPECIAL["<bos>"], *ids, SPECIAL["<eos>"]] if add_special else ids
