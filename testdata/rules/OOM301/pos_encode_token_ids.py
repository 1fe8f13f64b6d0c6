# encode() on token ids (not raw text, no tokenizer keyword) runs the model's own encoder.
import torch


def evaluate(model, tokenizer, sentences):
    model.cuda().eval()
    ids = tokenizer(sentences, return_tensors="pt", padding=True)["input_ids"].cuda()
    # error: OOM301 "`model.encode(ids)`"
    states = model.encode(ids)
    return states.mean(1)
