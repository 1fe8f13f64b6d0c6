from transformers import AutoModel


def score(path, batch):
    m = AutoModel.from_pretrained(path).cuda()
    return m(**batch).last_hidden_state.mean().item()


for path in paths:
    print(score(path, batch))
