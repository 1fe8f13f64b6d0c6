from transformers import AutoModelForCausalLM


class Predictor:
    def __init__(self, path):
        # error: OOM403
        self.model = AutoModelForCausalLM.from_pretrained(path, torch_dtype="auto")

    def setup(self):
        self.model.to(0)

    def predict(self, ids):
        return self.model.generate(ids)
