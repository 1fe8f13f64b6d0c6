# Tokenizing real data (not a literal) in a loop is evaluation over data, not a smoke test.
from transformers import AutoModel, AutoTokenizer


def test(sentences):
    model = AutoModel.from_pretrained("roberta-base").cuda()
    tokenizer = AutoTokenizer.from_pretrained("roberta-base")
    states = []
    for sentence in sentences:
        inputs = tokenizer(sentence, return_tensors="pt").to(model.device)
        # error: OOM301 "`model(**inputs)`"
        states.append(model(**inputs).last_hidden_state)
    return states
