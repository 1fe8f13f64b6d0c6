# An embedding model that tokenizes by itself (sentence-transformers, remote-code embedders) is
# handed raw text: its encode() runs under no_grad inside the library.
import torch
from transformers import AutoModel, AutoTokenizer


def index_corpus(records, model_name, max_tokens):
    model = AutoModel.from_pretrained(model_name, trust_remote_code=True).cuda()
    model.eval()
    tokenizer = AutoTokenizer.from_pretrained(model_name)
    vectors = []
    batch = []
    for record in records:
        if len(tokenizer.tokenize(record["text"])) > max_tokens:
            continue
        batch.append(record["text"])
        if len(batch) == 32:
            embeddings = model.encode(batch, instruction="passage: ")
            vectors.append(torch.nn.functional.normalize(embeddings, dim=1).cpu())
            batch = []
    return vectors


def evaluate_queries(query_batches, fields, model):
    model.eval()
    found = []
    for queries in query_batches:
        texts = []
        for q in queries:
            texts.append(" ".join(q[f] for f in fields))
        found.append(model.encode(texts))
    return found
