import torch


def test_generate_with_cache(model):
    model.cuda()
    ids = torch.tensor([[1, 2, 3]], device="cuda")
    past = None
    for _ in range(5):
        out = model(ids, past_key_values=past)
        past = out.past_key_values
        ids = out.logits[:, -1:].argmax(-1)
    assert ids.shape == (1, 1)
