from transformers import AutoModel


def test_every_checkpoint_loads():
    # a test loads each checkpoint once to check it: test code
    for name in ["bert-base-uncased", "roberta-base", "distilbert-base-uncased"]:
        model = AutoModel.from_pretrained(name).cuda()
        assert model.config.hidden_size > 0
