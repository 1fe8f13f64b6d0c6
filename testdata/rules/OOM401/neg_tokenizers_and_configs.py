from transformers import AutoConfig, AutoTokenizer

for name in names:
    tok = AutoTokenizer.from_pretrained(name)
    cfg = AutoConfig.from_pretrained(name)
    print(len(tok), cfg.hidden_size)
