from transformers import AutoModelForSeq2SeqLM

for name in names:
    # error: OOM401
    model = AutoModelForSeq2SeqLM.from_pretrained(name).cuda()
    run(model)
    model = None  # not enough: nothing collects it before the next load
