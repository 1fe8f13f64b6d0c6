from transformers import AutoModelForCausalLM

for step, cfg in enumerate(configs):
    if cfg.kind == "causal":
        # error: OOM401
        model = AutoModelForCausalLM.from_pretrained(cfg.path)
        model.to("cuda")
    report(step, model)
